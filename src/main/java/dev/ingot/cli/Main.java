package dev.ingot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Process entry point: the one place that reads the real environment and streams. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Stdout stdout = Stdout.process();
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CliEnv env =
        new CliEnv(System.getenv(), Path.of(System.getProperty("user.dir")), stdout.writer(), err);
    int code = Ingot.run(env, args);
    System.exit(stdout.exitCode(code, err));
  }
}
