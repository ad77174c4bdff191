package dev.ingot.build.ui;

/**
 * Renders events somewhere (a terminal, a CSV-ish stream, JSON lines). Called by {@link Ui} under
 * its lock, one event at a time, so implementations need no locking of their own.
 */
public interface EventSink {
  void accept(Event e);

  /** Flushes what is buffered; called after every event. */
  default void flush() {}
}
