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
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline && p.isAlive()) {
        if (new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)
            .contains("Booting from")) {
          return KVM;
        }
        Thread.sleep(200);
      }
      return TCG;
    } finally {
      p.destroyForcibly();
      p.waitFor();
      Files.deleteIfExists(log);
    }
  }
}
