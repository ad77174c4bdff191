package dev.ingot.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Step contexts and process helpers for the OCI tests. */
public final class OciTestSupport {
  public static final long SDE = 1_700_000_000L;

  private OciTestSupport() {}

  public static StepContext ctx(Path dir, String build) {
    return ctx(dir, build, false);
  }

  /** As {@link #ctx(Path, String)}, run with -force when {@code force}. */
  public static StepContext ctx(Path dir, String build, boolean force) {
    return new StepContext(
        build,
        "debian",
        build,
        dir,
        dir,
        dir.resolve("output").resolve(build),
        dir.resolve("cache"),
        force,
        false,
        SDE,
        Map.of(),
        BuildLog.NONE,
        new Cancellation(),
        new Cleanups(),
        new LocalProcessRunner());
  }

  /** Runs a command, asserts it succeeded, and returns its output lines joined. */
  public static String run(String... cmd) throws Exception {
    ProcessRunner.Result r = new LocalProcessRunner().run(List.of(cmd));
    assertThat(r.exitCode())
        .as(String.join(" ", cmd) + "\n" + String.join("\n", r.output()))
        .isZero();
    return String.join("\n", r.output());
  }
}
