package dev.ingot.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs external programs. The one place that starts processes, so that tests can see the command
 * lines a step plans and cancellation kills whole process trees.
 */
public interface ProcessRunner {
  /** What a finished process returned. {@code output} holds the lines when capture was asked. */
  record Result(int exitCode, List<String> output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code command} in {@code dir} with {@code env} added to the inherited environment. Lines
   * of stdout and stderr (merged) go to {@code lines} when not null, else are captured in the
   * result. A null timeout means none. Cancellation kills the process and its descendants and
   * throws {@link Cancellation.CancelledException}.
   */
  Result run(
      List<String> command,
      Path dir,
      Map<String, String> env,
      Consumer<String> lines,
      Duration timeout,
      Cancellation cancellation)
      throws IOException;

  /** Shorthand: run, capture output, no timeout, no cancellation. */
  default Result run(List<String> command) throws IOException {
    return run(command, null, Map.of(), null, null, new Cancellation());
  }
}
