package dev.ingot.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Step contexts for plugin tests: everything under one directory, a log that records lines. */
public final class TestContexts {
  private TestContexts() {}

  /** A log keeping "info: …", "warn: …", "output: …" and "progress: task done/total" lines. */
  public static class RecordingLog implements BuildLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
      lines.add("info: " + message);
    }

    @Override
    public synchronized void warn(String message) {
      lines.add("warn: " + message);
    }

    @Override
    public synchronized void output(String line) {
      lines.add("output: " + line);
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
      lines.add("progress: " + task + " " + done + "/" + total);
    }

    public synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    public synchronized List<String> output() {
      return lines.stream().filter(l -> l.startsWith("output: ")).map(l -> l.substring(8)).toList();
    }
  }

  /** Build "null.example" (source null, name example) working in {@code dir}. */
  public static StepContext of(Path dir, BuildLog log, Cancellation c) {
    return new StepContext(
        "null.example",
        "null",
        "example",
        dir,
        dir,
        dir.resolve("output/null.example"),
        dir.resolve("cache"),
        false,
        true,
        1700000000L,
        Map.of("PACKER_RUN_UUID", "11111111-2222-3333-4444-555555555555"),
        log,
        c,
        new Cleanups(),
        new LocalProcessRunner());
  }

  public static StepContext of(Path dir, BuildLog log) {
    return of(dir, log, new Cancellation());
  }
}
