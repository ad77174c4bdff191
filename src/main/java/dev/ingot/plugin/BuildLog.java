package dev.ingot.plugin;

/**
 * Where a step reports what it does. The engine's implementation prefixes the build name, masks
 * sensitive values, and turns events into text or JSON. Thread-safe.
 */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  /** A line of output from a command the step runs (shell, package scripts). */
  void output(String line);

  /** Progress of a long task; {@code total} is -1 when unknown. Units are the caller's (bytes). */
  void progress(String task, long done, long total);

  /**
   * {@code text} with the template's sensitive values masked. Steps that write user-visible text to
   * files (manifests, reports) pass it through here; the engine's log masks, the default does
   * nothing.
   */
  default String redact(String text) {
    return text;
  }

  /** A log that drops everything, for library tests. */
  BuildLog NONE =
      new BuildLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void output(String line) {}

        @Override
        public void progress(String task, long done, long total) {}
      };
}
