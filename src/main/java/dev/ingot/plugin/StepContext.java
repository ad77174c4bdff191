package dev.ingot.plugin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a step may use, passed in rather than read from globals. {@code outputDir} is the
 * build's output directory (default output/&lt;build name&gt;, relative to {@code cwd}); steps
 * write into a temp sibling and rename when complete. {@code sourceDateEpoch} is in seconds. {@code
 * env} is the process environment as the CLI read it. {@code cleanups} run in reverse order when
 * the build ends, whatever happened.
 */
public record StepContext(
    String buildName,
    String sourceType,
    String sourceName,
    Path templateDir,
    Path cwd,
    Path outputDir,
    Path cacheDir,
    boolean force,
    boolean offline,
    long sourceDateEpoch,
    Map<String, String> env,
    BuildLog log,
    Cancellation cancellation,
    Cleanups cleanups,
    ProcessRunner processes) {

  public StepContext {
    env = Map.copyOf(env);
  }

  /** This context with another log (the engine gives each post-processor its own prefix). */
  public StepContext withLog(BuildLog l) {
    return new StepContext(
        buildName,
        sourceType,
        sourceName,
        templateDir,
        cwd,
        outputDir,
        cacheDir,
        force,
        offline,
        sourceDateEpoch,
        env,
        l,
        cancellation,
        cleanups,
        processes);
  }

  /** This context with another cancellation (the engine's per-attempt timeout). */
  public StepContext withCancellation(Cancellation c) {
    return new StepContext(
        buildName,
        sourceType,
        sourceName,
        templateDir,
        cwd,
        outputDir,
        cacheDir,
        force,
        offline,
        sourceDateEpoch,
        env,
        log,
        c,
        cleanups,
        processes);
  }

  /**
   * Resolves an output path written in a template: relative to the working directory, as Packer and
   * the engine's own output_directory are.
   */
  public Path workingPath(String p) {
    return cwd.resolve(p).normalize();
  }

  /** Resolves a path written in a template: relative paths are relative to the template dir. */
  public Path templatePath(String p) {
    return templateDir.resolve(p).normalize();
  }
}
