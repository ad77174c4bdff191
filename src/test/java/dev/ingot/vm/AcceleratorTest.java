package dev.ingot.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceleratorTest {
  static final java.nio.file.Path OVMF = java.nio.file.Path.of("/usr/share/ovmf/OVMF.fd");

  @Test
  void aKvmWithoutBasicCpuFeaturesIsNotUsed() {
    // What QEMU prints on a sandboxed host whose KVM runs SeaBIOS but crashes OVMF and kernels.
    assertThat(
            Accelerator.crippled(
                "qemu-system-x86_64: warning: host doesn't support requested feature:"
                    + " CPUID.01H:ECX.pni [bit 0]"))
        .isTrue();
    assertThat(Accelerator.crippled("KVM internal error. Suberror: 1\nemulation failure")).isTrue();
  }

  @Test
  void harmlessWarningsAboutExtendedLeavesDoNotDisqualifyKvm() {
    // Intel hosts warn that the default CPU model's AMD-only svm bit is missing; KVM works there.
    assertThat(
            Accelerator.crippled(
                "qemu-system-x86_64: warning: host doesn't support requested feature:"
                    + " CPUID.80000001H:ECX.svm [bit 2]"))
        .isFalse();
    assertThat(Accelerator.crippled("")).isFalse();
  }

  @Test
  @org.junit.jupiter.api.Tag("peer")
  void thisHostsProbeAgreesWithWhatQemuPrints() throws Exception {
    // Real probe: whatever it picks must be consistent with a KVM that can run OVMF's FPU code.
    var dir = java.nio.file.Files.createTempDirectory("accel");
    try {
      Accelerator a = Accelerator.probe(dir, java.time.Duration.ofSeconds(10));
      if (a == Accelerator.KVM && java.nio.file.Files.exists(OVMF)) {
        // A KVM the probe accepts must run OVMF, whose early FPU code is what broken KVMs fail on.
        var out = dir.resolve("ovmf.out");
        Process p =
            new ProcessBuilder(
                    "qemu-system-x86_64",
                    "-accel",
                    "kvm",
                    "-machine",
                    "q35",
                    "-m",
                    "128",
                    "-display",
                    "none",
                    "-monitor",
                    "none",
                    "-serial",
                    "none",
                    "-nodefaults",
                    "-bios",
                    OVMF.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        Thread.sleep(4000);
        p.destroyForcibly().waitFor();
        String printed = java.nio.file.Files.readString(out);
        java.nio.file.Files.delete(out);
        assertThat(Accelerator.crippled(printed)).as(printed).isFalse();
      }
      try (var s = java.nio.file.Files.list(dir)) {
        assertThat(s).as("probe leaves no scratch files").isEmpty();
      }
    } finally {
      java.nio.file.Files.deleteIfExists(dir);
    }
  }
}
