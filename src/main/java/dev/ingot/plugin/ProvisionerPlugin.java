package dev.ingot.plugin;

import java.util.Optional;

/** Changes the build's target: runs commands or copies files through a {@link Communicator}. */
public non-sealed interface ProvisionerPlugin extends Plugin {
  /**
   * Runs the provisioner. {@code communicator} is empty when the source has none; plugins that need
   * one return true from {@link #needsCommunicator}, and validate rejects them there.
   */
  void provision(Config config, Optional<Communicator> communicator, StepContext ctx)
      throws Exception;

  default boolean needsCommunicator() {
    return true;
  }
}
