package dev.ingot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Process entry point: the one place that reads the real environment and streams. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliEnv env =
        new CliEnv(
            System.getenv(),
            Path.of(System.getProperty("user.dir")),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(Ingot.run(env, args));
  }
}
