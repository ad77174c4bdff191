package dev.ingot.build;

import dev.ingot.plugin.ProcessRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of one run, read by the CLI. {@code parallelBuilds} 0 means no limit; {@code cwd} is
 * where relative output paths are resolved; {@code sourceDateEpoch} in seconds; {@code env} is the
 * process environment (steps get it plus PACKER_RUN_UUID); {@code runUuid} names the run in the
 * manifest. Immutable.
 */
public record RunOptions(
    int parallelBuilds,
    OnError onError,
    boolean force,
    Path cwd,
    Path cacheDir,
    boolean offline,
    long sourceDateEpoch,
    Map<String, String> env,
    ProcessRunner processes,
    String runUuid) {
  public RunOptions {
    if (parallelBuilds < 0) {
      throw new IllegalArgumentException("parallel builds must be >= 0");
    }
    env = Map.copyOf(env);
    onError = onError == null ? OnError.CLEANUP : onError;
    runUuid = runUuid == null ? java.util.UUID.randomUUID().toString() : runUuid;
  }

  /** Defaults for {@code cwd}: unlimited parallelism, cleanup on error, local processes. */
  public static RunOptions defaults(Path cwd) {
    return new RunOptions(
        0,
        OnError.CLEANUP,
        false,
        cwd,
        cwd.resolve(".cache"),
        false,
        0,
        Map.of(),
        new dev.ingot.plugin.LocalProcessRunner(),
        null);
  }

  public RunOptions withParallelBuilds(int n) {
    return new RunOptions(
        n, onError, force, cwd, cacheDir, offline, sourceDateEpoch, env, processes, runUuid);
  }

  public RunOptions withOnError(OnError o) {
    return new RunOptions(
        parallelBuilds, o, force, cwd, cacheDir, offline, sourceDateEpoch, env, processes, runUuid);
  }

  public RunOptions withForce(boolean f) {
    return new RunOptions(
        parallelBuilds,
        onError,
        f,
        cwd,
        cacheDir,
        offline,
        sourceDateEpoch,
        env,
        processes,
        runUuid);
  }

  public RunOptions withEnv(Map<String, String> e) {
    return new RunOptions(
        parallelBuilds,
        onError,
        force,
        cwd,
        cacheDir,
        offline,
        sourceDateEpoch,
        e,
        processes,
        runUuid);
  }
}
