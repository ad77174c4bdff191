package dev.ingot.build.ui;

import dev.ingot.build.plan.Masker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happens during a run, as the engine reports it to the UI sinks. {@code build} is the build
 * name ("null.example"); {@code component} is the post-processor type when a post-processor speaks
 * (Packer shows it as {@code null.example (shell-local)}) and empty otherwise. Immutable.
 */
public sealed interface Event {
  Instant time();

  /**
   * The kind of step: the source, a {@code customize} block of the source, a provisioner, the
   * error-cleanup provisioner, a post-processor.
   */
  enum StepKind {
    SOURCE("source"),
    CUSTOMIZE("source-customize"),
    PROVISIONER("provisioner"),
    ERROR_CLEANUP("error-cleanup-provisioner"),
    POST_PROCESSOR("post-processor");

    private final String word;

    StepKind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** Levels of log lines: step messages, warnings, command output, errors. */
  enum Level {
    INFO,
    WARN,
    OUTPUT,
    ERROR
  }

  /** The run begins; {@code builds} in plan order (the text UI gives each its colour). */
  record RunStarted(Instant time, List<String> builds) implements Event {
    public RunStarted {
      builds = List.copyOf(builds);
    }
  }

  record BuildStarted(Instant time, String build) implements Event {}

  record StepStarted(Instant time, String build, StepKind kind, String type, String name)
      implements Event {}

  record StepFinished(
      Instant time,
      String build,
      StepKind kind,
      String type,
      String name,
      Duration elapsed,
      Optional<String> error)
      implements Event {}

  record Log(Instant time, String build, String component, Level level, String message)
      implements Event {}

  /** Progress of a long task; {@code total} is -1 when unknown; units are the step's (bytes). */
  record Progress(Instant time, String build, String component, String task, long done, long total)
      implements Event {}

  /** A result artifact of a finished build, {@code index} counting from 0 within the build. */
  record ArtifactMade(Instant time, String build, int index, ArtifactInfo artifact)
      implements Event {}

  /** An error that does not end the build by itself (a failed cleanup, a failed chain). */
  record ErrorReported(Instant time, String build, String component, String message)
      implements Event {}

  record BuildFinished(
      Instant time, String build, Duration elapsed, Optional<String> error, boolean cancelled)
      implements Event {}

  /** The run ends: every build's outcome, in plan order. */
  record RunFinished(Instant time, Duration elapsed, List<BuildOutcome> outcomes, boolean cancelled)
      implements Event {
    public RunFinished {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** This event with every text passed through {@code m}. */
  default Event masked(Masker m) {
    if (m.isEmpty()) {
      return this;
    }
    return switch (this) {
      case RunStarted e -> e;
      case BuildStarted e -> e;
      case StepStarted e -> e;
      case StepFinished e ->
          new StepFinished(
              e.time(),
              e.build(),
              e.kind(),
              e.type(),
              e.name(),
              e.elapsed(),
              e.error().map(m::mask));
      case Log e -> new Log(e.time(), e.build(), e.component(), e.level(), m.mask(e.message()));
      case Progress e ->
          new Progress(e.time(), e.build(), e.component(), m.mask(e.task()), e.done(), e.total());
      case ArtifactMade e ->
          new ArtifactMade(e.time(), e.build(), e.index(), e.artifact().masked(m));
      case ErrorReported e ->
          new ErrorReported(e.time(), e.build(), e.component(), m.mask(e.message()));
      case BuildFinished e ->
          new BuildFinished(
              e.time(), e.build(), e.elapsed(), e.error().map(m::mask), e.cancelled());
      case RunFinished e ->
          new RunFinished(
              e.time(),
              e.elapsed(),
              e.outcomes().stream().map(o -> o.masked(m)).toList(),
              e.cancelled());
    };
  }
}
