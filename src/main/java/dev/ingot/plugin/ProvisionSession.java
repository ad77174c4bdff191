package dev.ingot.plugin;

import dev.ingot.artifact.Artifact;

/**
 * A live target for provisioners. {@link #finish} re-reads the target after the last provisioner so
 * later steps see the changes; {@link #close} releases everything (mounts, VMs, temp dirs) and is
 * always called, also after failures and cancellation.
 */
public interface ProvisionSession extends AutoCloseable {
  Communicator communicator();

  Artifact finish() throws Exception;

  @Override
  void close() throws Exception;
}
