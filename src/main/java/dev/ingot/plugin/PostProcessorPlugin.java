package dev.ingot.plugin;

import dev.ingot.artifact.Artifact;
import java.util.Set;

/** Turns one artifact into the next: container, disk, convert, scan, push, manifest, … */
public non-sealed interface PostProcessorPlugin extends Plugin {
  /** The artifact types this post-processor takes; empty means any. */
  Set<Class<? extends Artifact>> accepts();

  Artifact process(Config config, Artifact input, StepContext ctx) throws Exception;

  /**
   * The artifact type {@link #process} returns when given an {@code input} of that type. {@code
   * Artifact.class} (the default) means "not known": later steps of the chain are then not checked.
   */
  default Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return Artifact.class;
  }

  /**
   * True for steps that pass their input on or only describe it (manifest, checksum, shell-local):
   * the input artifact is then kept whatever {@code keep_input_artifact} says, as Packer forces it.
   */
  default boolean keepsInputArtifact() {
    return false;
  }

  /**
   * True for steps that send the artifact somewhere outside the output directory (registry, S3,
   * vSphere). Gates such as scan run before every publishing step of the build.
   */
  default boolean publishes() {
    return false;
  }
}
