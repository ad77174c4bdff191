package dev.ingot.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * Boots a {@link QemuVm} and waits until its serial console shows a marker line, then stops it. The
 * VM is always killed when {@link #close} runs (use try-with-resources), whatever happened. Not
 * thread-safe; one VM per instance.
 */
// QEMU runs for minutes alongside the test, so it is started with ProcessBuilder rather than the
// blocking ProcessRunner; it is always killed in close().
public final class QemuRunner implements AutoCloseable {
  private final QemuVm vm;
  private Process process;

  public QemuRunner(QemuVm vm) {
    this.vm = vm;
  }

  /** Starts QEMU; its own output goes to {@code serialLog + ".qemu"}. */
  public void start() throws IOException {
    Files.deleteIfExists(vm.serialLog());
    ProcessBuilder pb =
        new ProcessBuilder(vm.command())
            .redirectErrorStream(true)
            .redirectOutput(
                vm.serialLog().resolveSibling(vm.serialLog().getFileName() + ".qemu").toFile());
    process = pb.start();
  }

  /**
   * Waits until the serial console contains {@code marker}. Returns true when it appeared, false
   * when the VM stopped, the accelerator failed, or {@code timeout} passed first.
   */
  public boolean awaitSerial(String marker, Duration timeout)
      throws IOException, InterruptedException {
    return awaitSerial(
        java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(marker)), timeout);
  }

  /** As {@link #awaitSerial(String, Duration)}, for the first match of {@code pattern}. */
  public boolean awaitSerial(java.util.regex.Pattern pattern, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (pattern.matcher(serial()).find()) {
        return true;
      }
      if (!process.isAlive()) {
        return pattern.matcher(serial()).find();
      }
      // KVM stops the guest on an internal error but QEMU stays alive; nothing more will come.
      if (Accelerator.crippled(String.join("\n", qemuOutput()))) {
        return false;
      }
      Thread.sleep(500);
    }
    return false;
  }

  /** Everything the guest wrote to its serial console so far. */
  public String serial() throws IOException {
    if (!Files.exists(vm.serialLog())) {
      return "";
    }
    return new String(Files.readAllBytes(vm.serialLog()), StandardCharsets.ISO_8859_1);
  }

  /** QEMU's own messages (errors about the command line, the accelerator). */
  public List<String> qemuOutput() throws IOException {
    var p = vm.serialLog().resolveSibling(vm.serialLog().getFileName() + ".qemu");
    return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.ISO_8859_1) : List.of();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
