package dev.ingot.pkg.deb.rootfs;

import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Step contexts for calling the plugin directly, with a log that keeps what it was told. */
public final class Contexts {
  private Contexts() {}

  /** A log that records info/warn/output lines. */
  public static final class Recording implements BuildLog {
    public final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String m) {
      lines.add("info: " + m);
    }

    @Override
    public void warn(String m) {
      lines.add("warn: " + m);
    }

    @Override
    public void output(String l) {
      lines.add("out: " + l);
    }

    @Override
    public void progress(String t, long d, long total) {}
  }

  public static StepContext of(Path dir, Path cache, boolean offline, BuildLog log) {
    return new StepContext(
        "test",
        "debian",
        "base",
        dir,
        dir,
        dir.resolve("output"),
        cache,
        false,
        offline,
        1_700_000_000L,
        Map.of(),
        log,
        new Cancellation(),
        new Cleanups(),
        new LocalProcessRunner());
  }

  /** The cache shared by the real-mirror tests of one run, so a package is downloaded once. */
  public static Path sharedMirrorCache() {
    return Path.of("target/deb-mirror-cache").toAbsolutePath();
  }
}
