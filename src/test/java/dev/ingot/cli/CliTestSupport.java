package dev.ingot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code ingot} in-process with captured output, for command tests. */
public final class CliTestSupport {
  /** What one run printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  private CliTestSupport() {}

  public static Run run(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ingot.run(new CliEnv(env, cwd, new PrintWriter(out), new PrintWriter(err)), args);
    return new Run(code, out.toString(), err.toString());
  }
}
