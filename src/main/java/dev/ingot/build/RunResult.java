package dev.ingot.build;

import java.time.Duration;
import java.util.List;

/** The results of every build of a run, in plan order. Immutable. */
public record RunResult(List<BuildResult> builds, boolean cancelled, Duration elapsed) {
  public RunResult {
    builds = List.copyOf(builds);
  }

  /** 0 when every build succeeded, else 1 (the CLI turns a cancelled run into 130/143). */
  public int exitCode() {
    return !cancelled && builds.stream().allMatch(BuildResult::ok) ? 0 : 1;
  }
}
