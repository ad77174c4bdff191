package dev.ingot.build;

import dev.ingot.artifact.Artifact;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one build ended: its result artifacts (each with the type of the step that made it), or its
 * error; {@code cancelled} when it was interrupted (or never started because of it). Immutable.
 */
public record BuildResult(
    String build,
    List<Produced> artifacts,
    Optional<String> error,
    boolean cancelled,
    Duration elapsed) {
  /** An artifact and the type of the source or post-processor that made it. */
  public record Produced(String producer, Artifact artifact) {}

  public BuildResult {
    artifacts = List.copyOf(artifacts);
  }

  public boolean ok() {
    return error.isEmpty() && !cancelled;
  }
}
