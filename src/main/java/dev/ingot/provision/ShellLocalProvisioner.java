package dev.ingot.provision;

import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.util.Map;
import java.util.Optional;

/** Provisioner {@code shell-local}: runs commands on this machine (see {@link LocalShell}). */
public final class ShellLocalProvisioner implements ProvisionerPlugin {
  @Override
  public String type() {
    return "shell-local";
  }

  @Override
  public Schema schema() {
    return LocalShell.SCHEMA;
  }

  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    return LocalShell.check(config);
  }

  @Override
  public String description() {
    return "Runs commands or scripts on the machine running Ingot.";
  }

  @Override
  public boolean needsCommunicator() {
    return false;
  }

  @Override
  public void provision(Config config, Optional<Communicator> communicator, StepContext ctx)
      throws Exception {
    LocalShell.run(config, ctx, Map.of());
  }
}
