package dev.ingot.plugin;

import dev.ingot.artifact.Artifact;
import java.util.Optional;

/** A builder: makes the first artifact of a build. */
public non-sealed interface SourcePlugin extends Plugin {
  Artifact build(Config config, StepContext ctx) throws Exception;

  /**
   * Opens a session in which provisioners can run against {@code artifact} (a chroot for a root
   * filesystem, SSH for a booted VM). Empty when the source has no communicator (e.g. null); then
   * only shell-local provisioners may be used, which validate checks.
   */
  default Optional<ProvisionSession> provisioning(Config config, Artifact artifact, StepContext ctx)
      throws Exception {
    return Optional.empty();
  }

  /** Whether {@link #provisioning} can return a session, known before anything runs. */
  default boolean hasCommunicator() {
    return false;
  }
}
