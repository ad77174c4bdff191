package dev.ingot.build.ui;

import dev.ingot.build.plan.Masker;
import java.util.List;
import java.util.Optional;

/** How one build ended, for the end-of-run summary: its artifacts, or its error. Immutable. */
public record BuildOutcome(
    String build, List<ArtifactInfo> artifacts, Optional<String> error, boolean cancelled) {
  public BuildOutcome {
    artifacts = List.copyOf(artifacts);
  }

  public boolean ok() {
    return error.isEmpty() && !cancelled;
  }

  BuildOutcome masked(Masker m) {
    return new BuildOutcome(
        build, artifacts.stream().map(a -> a.masked(m)).toList(), error.map(m::mask), cancelled);
  }
}
