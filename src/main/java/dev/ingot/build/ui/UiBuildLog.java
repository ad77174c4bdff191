package dev.ingot.build.ui;

import dev.ingot.plugin.BuildLog;

/** The engine's {@link BuildLog}: every call becomes an {@link Event}. Thread-safe. */
final class UiBuildLog implements BuildLog {
  private final Ui ui;
  private final String build;
  private final String component;

  UiBuildLog(Ui ui, String build, String component) {
    this.ui = ui;
    this.build = build;
    this.component = component == null ? "" : component;
  }

  private void log(Event.Level level, String message) {
    // A multi-line message becomes one line each, so prefixes and CSV records stay whole.
    for (String line : (message == null ? "" : message).split("\r?\n", -1)) {
      ui.emit(new Event.Log(ui.now(), build, component, level, line));
    }
  }

  @Override
  public void info(String message) {
    log(Event.Level.INFO, message);
  }

  @Override
  public void warn(String message) {
    log(Event.Level.WARN, message);
  }

  @Override
  public void output(String line) {
    log(Event.Level.OUTPUT, line);
  }

  @Override
  public String redact(String text) {
    return ui.masker().mask(text);
  }

  @Override
  public void progress(String task, long done, long total) {
    ui.emit(new Event.Progress(ui.now(), build, component, task, done, total));
  }
}
