package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write to standard output is the command's failure ({@code > /dev/full} exited 0 with the
 * output lost), and a closed pipe ends it as SIGPIPE ends a Unix tool: silently, 141.
 */
class StdoutTest {
  @TempDir Path root;
  private final StringWriter err = new StringWriter();

  @Test
  void writesThatGoThroughKeepTheCommandsCode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Stdout out = new Stdout(bytes);
    out.writer().println("report");
    assertThat(bytes.toString()).isEqualTo("report\n");
    assertThat(out.exitCode(1, new PrintWriter(err))).isEqualTo(1);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFullDeviceIsSaidAndFailsASucceededCommand() {
    Failing failing = new Failing("No space left on device");
    Stdout out = new Stdout(failing);
    PrintWriter w = out.writer();
    w.println("first");
    w.println("second");
    w.flush();
    assertThat(failing.attempts).as("nothing is tried after the first failure").isEqualTo(1);
    assertThat(out.exitCode(0, new PrintWriter(err))).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "Error: writing standard output: No space left on device (the output is"
                + " incomplete)\n");
    assertThat(new Stdout(new Failing("EIO")).exitCode(1, new PrintWriter(err)))
        .as("no write: the code stands")
        .isEqualTo(1);
  }

  @Test
  void aClosedPipeEndsQuietlyWith141() {
    Stdout out = new Stdout(new Failing("Broken pipe"));
    out.writer().println("x");
    assertThat(out.exitCode(0, new PrintWriter(err))).isEqualTo(141);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theLauncherFailsOnAFullDevice() throws Exception {
    Launcher launcher = Launcher.under(root);
    Launcher.Run r =
        launcher
            .start(Map.of(), List.of("sh", "-c", "exec \"$0\" \"$@\" > /dev/full"), "version")
            .await();
    assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("Error: writing standard output: No space left on device");
  }

  @Test
  void theLauncherEndsAsSigpipeDoesIntoAClosedPipe() throws Exception {
    Launcher launcher = Launcher.under(root);
    // true exits at once, long before the JVM writes: the write meets a pipe without a reader.
    Launcher.Run r =
        launcher
            .start(
                Map.of(), List.of("bash", "-c", "set -o pipefail; \"$0\" \"$@\" | true"), "version")
            .await();
    assertThat(r.exitCode()).as(r.all()).isEqualTo(141);
    assertThat(r.err()).isEmpty();
  }

  /** A stream whose every write fails with {@code message}, counting the attempts. */
  private static final class Failing extends OutputStream {
    private final String message;
    int attempts;

    Failing(String message) {
      this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
      attempts++;
      throw new IOException(message);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      write(0);
    }
  }
}
