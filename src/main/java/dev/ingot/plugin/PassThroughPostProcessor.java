package dev.ingot.plugin;

import dev.ingot.artifact.Artifact;
import java.util.Set;

/**
 * A post-processor that takes any artifact and passes it on unchanged (manifest, shell-local): its
 * output type is its input type and the input is always kept, as Packer forces for such steps.
 */
public interface PassThroughPostProcessor extends PostProcessorPlugin {
  @Override
  default Set<Class<? extends Artifact>> accepts() {
    return Set.of();
  }

  @Override
  default Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return input;
  }

  @Override
  default boolean keepsInputArtifact() {
    return true;
  }
}
