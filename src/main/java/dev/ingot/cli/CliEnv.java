package dev.ingot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may read of the outside world, read once in {@link Main} and passed to every
 * command: the environment, the working directory and the two output streams. Tests build one with
 * string writers and their own environment instead of touching the process's.
 */
public record CliEnv(Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err) {
  public CliEnv {
    env = Map.copyOf(env);
  }

  /**
   * The cache root: {@code override}, else {@code $XDG_CACHE_HOME/ingot}, else ~/.cache/ingot. A
   * relative XDG_CACHE_HOME is ignored, as the XDG base directory specification says: it would put
   * a cache in whatever directory a command happens to run in.
   */
  public Path cacheDir(Path override) {
    if (override != null) {
      return cwd.resolve(override);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("ingot");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".cache", "ingot");
  }

  /** The SOURCE_DATE_EPOCH in seconds when set and valid, else {@code fallback}. */
  public long sourceDateEpoch(long fallback) {
    String s = env.get("SOURCE_DATE_EPOCH");
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "SOURCE_DATE_EPOCH must be a whole number of seconds, not '" + s + "'");
    }
  }
}
