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

  /**
   * The artifact type {@link #build} returns for {@code config}, so that validate can check the
   * post-processor chain before anything runs. {@code Artifact.class} (the default) means "not
   * known": then the chain is not checked.
   */
  default Class<? extends Artifact> produces(Config config) {
    return Artifact.class;
  }

  /** Whether {@link #provisioning} can return a session, known before anything runs. */
  default boolean hasCommunicator() {
    return false;
  }
}
