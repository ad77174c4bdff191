package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.pkg.deb.rootfs.Contexts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C or SIGTERM during a real {@code ingot rootfs} build (the launcher, a {@code system}
 * variant from the host's apt sources), started as a terminal's shell starts a job: leading its own
 * session and process group (setsid). The signal goes to the JVM alone (kill PID) or, as Ctrl-C in
 * a terminal sends it, to the whole group (kill -- -PGID), so that dpkg and the maintainer scripts
 * in the chroot get it too and may die of it before the build sees its token. It comes while
 * packages download (a cache of this test's own, without them) or while {@code dpkg --configure -a}
 * runs the maintainer scripts (the package cache shared by the suite's real-mirror tests). Either
 * way the build stops with 128 + the signal and leaves no output, no work tree, nothing in $TMPDIR
 * and no process of its session (which also holds those in the chroot's PID namespace).
 */
@Tag("peer")
@Tag("slow")
class RootfsSignalTest {
  @TempDir Path root;

  /** Where the signal is sent. */
  enum To {
    JVM,
    GROUP
  }

  /** When it is sent. */
  enum During {
    DOWNLOADS,
    SCRIPTS
  }

  @ParameterizedTest(name = "{0} to the {1} during {2}")
  @CsvSource({
    "INT, GROUP, DOWNLOADS, 130",
    "TERM, JVM, SCRIPTS, 143",
    "INT, GROUP, SCRIPTS, 130",
    "TERM, GROUP, SCRIPTS, 143"
  })
  void aSignalStopsTheBuildAndLeavesNothing(String signal, To to, During during, int exitCode)
      throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Files.writeString(
        work.resolve("spec.json"),
        "{\"suites\": [\"bookworm\"], \"variant\": \"system\", \"packages\": [\"systemd-sysv\"]}");
    Path cache =
        during == During.DOWNLOADS ? root.resolve("cold-cache") : Contexts.sharedMirrorCache();
    Launcher.Started run =
        launcher.startAsJob(
            Map.of(), "rootfs", "spec.json", "-o", "out.tar", "--cache-dir", cache.toString());
    long session = run.process().pid(); // setsid makes the launcher its session's leader
    for (int i = 0; i < 3000 && !reached(during, session, cache); i++) {
      assertThat(run.process().isAlive())
          .as("the build still runs: " + Files.readString(run.err()))
          .isTrue();
      Thread.sleep(20);
    }
    assertThat(reached(during, session, cache)).as("the build reached its " + during).isTrue();
    if (to == To.GROUP) {
      run.signalGroup(signal);
    } else {
      run.signal(signal);
    }
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
    assertThat(r.err()).contains("Interrupted: stopping the root filesystem build");
    // A killed process stays a zombie until the machine's init reaps it (it was re-parented
    // there), which is not ours to wait for; any other process of the session is left running.
    assertThat(Sessions.running(session)).as("left running").isEmpty();
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("spec.json");
    }
    Path trees = cache.resolve("deb/work");
    if (Files.isDirectory(trees)) {
      assertThat(trees).as("work trees").isEmptyDirectory();
    }
    assertThat(launcher.tmp()).isEmptyDirectory();
  }

  private static boolean reached(During during, long session, Path cache) throws IOException {
    return switch (during) {
      case DOWNLOADS -> aDebIsDownloading(cache.resolve("files"));
      case SCRIPTS ->
          Sessions.running(session).stream()
              .anyMatch(p -> p.cmdline().equals("dpkg --configure -a"));
    };
  }

  /** A package (an ar archive) is in the download cache, complete or partial. */
  private static boolean aDebIsDownloading(Path files) throws IOException {
    if (!Files.isDirectory(files)) {
      return false;
    }
    byte[] magic = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    try (Stream<Path> s = Files.walk(files)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          if (Arrays.equals(in.readNBytes(magic.length), magic)) {
            return true;
          }
        } catch (java.nio.file.NoSuchFileException e) {
          // a partial file renamed into place as it was listed
        }
      }
    }
    return false;
  }
}
