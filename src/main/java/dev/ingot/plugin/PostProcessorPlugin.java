package dev.ingot.plugin;

import dev.ingot.artifact.Artifact;
import java.util.Set;

/** Turns one artifact into the next: container, disk, convert, scan, push, manifest, … */
public non-sealed interface PostProcessorPlugin extends Plugin {
  /** The artifact types this post-processor takes; empty means any. */
  Set<Class<? extends Artifact>> accepts();

  Artifact process(Config config, Artifact input, StepContext ctx) throws Exception;

  /**
   * True for steps that send the artifact somewhere outside the output directory (registry, S3,
   * vSphere). Gates such as scan run before every publishing step of the build.
   */
  default boolean publishes() {
    return false;
  }
}
