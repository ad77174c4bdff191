package dev.ingot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ingot version}: the tool version and the Packer language level it accepts. */
@Command(
    name = "version",
    description = "Print the Ingot version and the Packer template compatibility level.")
public final class VersionCommand implements Callable<Integer> {
  private final CliEnv env;

  public VersionCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out()
        .println(
            "Ingot "
                + Ingot.VERSION
                + " (Packer template compatibility "
                + Ingot.PACKER_COMPAT
                + ")");
    env.out().flush();
    return 0;
  }
}
