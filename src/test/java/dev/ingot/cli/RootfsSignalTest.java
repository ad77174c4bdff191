package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.pkg.deb.rootfs.Contexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C or SIGTERM during a real {@code ingot rootfs} build (the launcher, a {@code system}
 * variant from the host's apt sources, the package cache shared by the suite's real-mirror tests)
 * while maintainer scripts run in its chroot (an unshare child of the JVM): the build stops, every
 * process it started is gone, no output and no work tree are left, and the exit code is 128 + the
 * signal.
 */
@Tag("peer")
@Tag("slow")
class RootfsSignalTest {
  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalStopsTheBuildAndLeavesNothing(String signal, int exitCode) throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Path tmp = launcher.tmp();
    Files.writeString(
        work.resolve("spec.json"),
        "{\"suites\": [\"bookworm\"], \"variant\": \"system\", \"packages\": [\"systemd-sysv\"]}");
    Launcher.Started run =
        launcher.start(
            Map.of(),
            "rootfs",
            "spec.json",
            "-o",
            "out.tar",
            "--cache-dir",
            Contexts.sharedMirrorCache().toString());
    // Signalled once maintainer scripts run: the chroot they run in is an unshare child.
    List<ProcessHandle> children = List.of();
    for (int i = 0; i < 3000 && children.stream().noneMatch(RootfsSignalTest::isUnshare); i++) {
      assertThat(run.process().isAlive()).as("the build still runs").isTrue();
      children = run.process().descendants().toList();
      Thread.sleep(20);
    }
    assertThat(children)
        .as("the build runs maintainer scripts")
        .anyMatch(RootfsSignalTest::isUnshare);
    run.signal(signal);
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
    assertThat(r.err()).contains("Interrupted: stopping the root filesystem build");
    // Every process the build started has ended with it. A killed process stays a zombie until
    // the machine's init reaps it (it was re-parented there), which is not ours to wait for.
    for (ProcessHandle p : children) {
      assertThat(running(p))
          .as(
              "left running: "
                  + dev.ingot.disk.format.TestDisks.run(
                          "ps", "-o", "pid,ppid,stat,args", "-p", "" + p.pid())
                      .output())
          .isFalse();
    }
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("spec.json");
    }
    assertThat(tmp).isEmptyDirectory();
  }

  private static boolean isUnshare(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/unshare")).orElse(false);
  }

  /** Alive and not a zombie (state Z in /proc/PID/stat: dead, waiting to be reaped). */
  private static boolean running(ProcessHandle p) throws Exception {
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    if (!p.isAlive() || !Files.exists(stat)) {
      return false;
    }
    String line;
    try {
      line = Files.readString(stat);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
    return !line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
  }
}
