package dev.ingot.disk;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the external tools of disk assembly (mke2fs, debugfs, mkfs.fat, mtools, grub-mkimage)
 * through a {@link ProcessRunner}, turning a failure into a {@link DiskException} that quotes the
 * tool's output. Thread-safe when the runner is.
 */
public record Tools(ProcessRunner runner, Cancellation cancellation) {
  /** Runs {@code cmd} with {@code env} added; returns its output lines. */
  public List<String> run(List<String> cmd, Path dir, Map<String, String> env) throws IOException {
    ProcessRunner.Result r;
    try {
      r = runner.run(cmd, dir, env, null, Duration.ofMinutes(30), cancellation);
    } catch (IOException e) {
      throw new DiskException(
          "cannot run " + cmd.get(0) + ": " + e.getMessage() + " (is it installed?)", e);
    }
    if (!r.ok()) {
      List<String> out = r.output();
      String tail = String.join("\n", out.subList(Math.max(0, out.size() - 20), out.size()));
      throw new DiskException(
          cmd.get(0)
              + " failed with exit code "
              + r.exitCode()
              + ": "
              + String.join(" ", cmd)
              + (tail.isBlank() ? "" : "\n" + tail));
    }
    return r.output();
  }

  public List<String> run(List<String> cmd) throws IOException {
    return run(cmd, null, Map.of());
  }
}
