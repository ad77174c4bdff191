package dev.ingot.build.ui;

import dev.ingot.build.plan.Masker;
import dev.ingot.plugin.BuildLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The engine's one door to the user: masks every event with the plan's {@link Masker} and hands it
 * to each sink in turn. Thread-safe: events from parallel builds are serialised, so lines never
 * interleave within a line.
 */
public final class Ui {
  private final List<EventSink> sinks;
  private final Masker masker;
  private final Clock clock;

  public Ui(List<EventSink> sinks, Masker masker, Clock clock) {
    this.sinks = List.copyOf(sinks);
    this.masker = masker;
    this.clock = clock;
  }

  /** This UI with another masker (the plan's), same sinks and clock. */
  public Ui withMasker(Masker m) {
    return new Ui(sinks, m, clock);
  }

  public Instant now() {
    return clock.instant();
  }

  public Clock clock() {
    return clock;
  }

  public Masker masker() {
    return masker;
  }

  public synchronized void emit(Event e) {
    Event masked = e.masked(masker);
    for (EventSink s : sinks) {
      s.accept(masked);
      s.flush();
    }
  }

  /** A {@link BuildLog} for steps of {@code build}; {@code component} may be empty. */
  public BuildLog log(String build, String component) {
    return new UiBuildLog(this, build, component);
  }
}
