package dev.ingot.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Chooses KVM when it really runs guests and TCG otherwise. /dev/kvm can exist and open yet never
 * run a vCPU (nested virtualization switched off), and then QEMU hangs silently instead of falling
 * back (SeaBIOS starts, then stops for good at its option ROM scan); so the probe boots the bare
 * firmware under KVM and checks that SeaBIOS gets as far as trying boot devices ("Booting from") on
 * its debug port within a few seconds.
 *
 * <p>Reaching SeaBIOS's boot menu is not enough: some sandboxed hosts offer a KVM that runs
 * real-mode code but cannot run the FPU/SSE instructions a kernel or OVMF uses ("KVM internal error
 * ... emulation failure", or a silent hang after GRUB). Such a KVM also says it lacks basic CPUID
 * leaf 1 features (SSE3 and the like) that every x86-64 host has, so a QEMU warning about a {@code
 * CPUID.01H} feature, or any internal error, means TCG.
 */
public enum Accelerator {
  KVM,
  TCG;

  public String qemuName() {
    return this == KVM ? "kvm" : "tcg";
  }

  /**
   * Probes KVM with a scratch file in {@code work}; TCG unless a KVM guest ran within {@code wait}.
   */
  public static Accelerator probe(Path work, Duration wait)
      throws IOException, InterruptedException {
    if (!Files.exists(Path.of("/dev/kvm"))) {
      return TCG;
    }
    Path log = Files.createTempFile(work, "kvm-probe", ".log");
    Path qemuLog = Files.createTempFile(work, "kvm-probe", ".qemu");
    // QEMU runs only for the probe's few seconds and is always killed, so ProcessBuilder is used
    // directly rather than the blocking ProcessRunner.
    Process p =
        new ProcessBuilder(
                List.of(
                    "qemu-system-x86_64",
                    "-accel",
                    "kvm",
                    "-machine",
                    "pc",
                    "-m",
                    "64",
                    "-display",
                    "none",
                    "-monitor",
                    "none",
                    "-serial",
                    "none",
                    "-nodefaults",
                    "-chardev",
                    "file,id=dbg,path=" + log,
                    "-device",
                    "isa-debugcon,iobase=0x402,chardev=dbg"))
            .redirectErrorStream(true)
            .redirectOutput(qemuLog.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (crippled(read(qemuLog))) {
          return TCG;
        }
        if (read(log).contains("Booting from")) {
          return crippled(read(qemuLog)) ? TCG : KVM;
        }
        Thread.sleep(200);
      }
      return TCG;
    } finally {
      p.destroyForcibly();
      p.waitFor();
      Files.deleteIfExists(log);
      Files.deleteIfExists(qemuLog);
    }
  }

  /** True when QEMU's own output shows a KVM that cannot run a real guest (see class comment). */
  static boolean crippled(String qemuOutput) {
    return qemuOutput.contains("KVM internal error")
        || qemuOutput.contains("doesn't support requested feature: CPUID.01H");
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
  }
}
