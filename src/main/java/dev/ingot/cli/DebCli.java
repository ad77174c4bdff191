package dev.ingot.cli;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.pkg.deb.rootfs.RootFsBuilder;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.nio.file.Path;
import java.time.Instant;

/** Shared wiring of the debian commands: settings from the CLI environment. */
final class DebCli {
  private DebCli() {}

  static RootFsBuilder builder(CliEnv env, Path cacheDir, boolean offline) {
    return builder(env, cacheDir, offline, new Cancellation());
  }

  /** A builder whose downloads and maintainer scripts stop when {@code cancel} is cancelled. */
  static RootFsBuilder builder(CliEnv env, Path cacheDir, boolean offline, Cancellation cancel) {
    Path cache = env.cacheDir(cacheDir);
    BuildLog log =
        new BuildLog() {
          @Override
          public void info(String m) {}

          @Override
          public void warn(String m) {
            env.err().println("Warning: " + m);
          }

          @Override
          public void output(String l) {}

          @Override
          public void progress(String t, long d, long total) {}
        };
    return new RootFsBuilder(
        new RootFsBuilder.Settings(
            cache, offline, env.sourceDateEpoch(0), Instant.now(), log, cancel),
        new DirBlobStore(cache.resolve("blobs")));
  }
}
