package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SignalHook#cancellable} with real signals sent to this JVM (its hook catches them while
 * the work runs, and restores the JVM's own handlers after). A work that fails after a signal
 * without looking at its token, as a build does whose dpkg died of the Ctrl-C that reached the
 * whole process group, was interrupted; RootfsSignalTest meets that race only now and then, so it
 * is made certain here.
 */
class SignalHookSignalTest {
  private final StringWriter err = new StringWriter();

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
  void aFailureAfterASignalIsTheInterruption(String signal, int exitCode) throws Exception {
    // A JVM started with SIGINT ignored (a test run in a background job) or SIGHUP ignored (under
    // nohup) does not catch it.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        ignored(exitCode - 128), "SIG" + signal + " is ignored in this JVM");
    SignalHook.Outcome<String> o =
        SignalHook.cancellable(
            new PrintWriter(err, true),
            "stopping the test",
            "out.tar",
            cancel -> {
              kill(signal);
              for (int i = 0; i < 1000 && !cancel.isCancelled(); i++) {
                Thread.sleep(5);
              }
              assertThat(cancel.isCancelled()).as("the signal cancelled the token").isTrue();
              throw new IOException("maintainer scripts failed (exit 130)");
            });

    assertThat(o).isEqualTo(new SignalHook.Outcome.Interrupted<String>(exitCode));
    assertThat(o.exitCode(v -> 0)).isEqualTo(exitCode);
    assertThat(err.toString())
        .contains("==> Interrupted: stopping the test")
        .contains("Interrupted: out.tar was not written.");
  }

  @Test
  void withoutASignalAFailureStaysOneAndAValueIsReturned() throws Exception {
    PrintWriter w = new PrintWriter(err, true);
    assertThatThrownBy(
            () ->
                SignalHook.cancellable(
                    w,
                    "x",
                    "out.tar",
                    cancel -> {
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    SignalHook.Outcome<String> o = SignalHook.cancellable(w, "x", "out.tar", cancel -> "done");
    assertThat(o).isEqualTo(new SignalHook.Outcome.Done<>("done"));
    assertThat(o.exitCode(v -> v.length())).isEqualTo(4);
    assertThat(err.toString()).isEmpty();
  }

  /** Signal {@code number} in the SigIgn mask of /proc/self/status. */
  private static boolean ignored(int number) throws IOException {
    for (String line :
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (number - 1))) != 0;
      }
    }
    return false;
  }

  private static void kill(String signal) throws Exception {
    long pid = ProcessHandle.current().pid();
    Process p = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start();
    assertThat(p.waitFor()).as("kill -s " + signal + " " + pid).isZero();
  }
}
