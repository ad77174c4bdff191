package dev.ingot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output, remembering the first write that failed. A {@link PrintWriter}
 * (and {@code System.out} under it) swallows write errors, so {@code ingot scan … > /dev/full}
 * exited 0 with its report lost. {@link #exitCode} turns the failure into the command's result: a
 * closed pipe ({@code | head}) ends as a Unix tool killed by SIGPIPE does, silently with 141; any
 * other error is said and fails a command that had succeeded.
 */
final class Stdout extends OutputStream {
  private static final int SIGPIPE = 13;
  private final OutputStream out;
  private IOException failure;

  Stdout(OutputStream out) {
    this.out = out;
  }

  static Stdout process() {
    return new Stdout(new FileOutputStream(FileDescriptor.out));
  }

  PrintWriter writer() {
    return new PrintWriter(this, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    // After a failure the rest is dropped without trying: every later write would fail the same
    // way, one system call each, and the first error is the one to report.
    if (failure != null) {
      return;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (failure == null) {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  /**
   * The exit code once the command returned {@code code} and its writer was flushed: {@code code}
   * when every write went through; else 141 for a closed pipe, or {@code code} (2 when it was 0)
   * with the error said on {@code err}.
   */
  synchronized int exitCode(int code, PrintWriter err) {
    if (failure == null) {
      return code;
    }
    String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (why.contains("Broken pipe")) {
      return 128 + SIGPIPE;
    }
    err.println("Error: writing standard output: " + why + " (the output is incomplete)");
    err.flush();
    return code == 0 ? 2 : code;
  }
}
