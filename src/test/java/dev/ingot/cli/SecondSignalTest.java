package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second SIGTERM sent to Ingot's process alone (as a CI runner or timeout sends it) stops it at
 * once, without cleanup, and the command the build runs then (here its error-cleanup-provisioner,
 * which the first signal started) does not outlive it: a black-box review found it left running
 * with no parent. The halt now kills every descendant first.
 */
class SecondSignalTest {
  @TempDir Path root;

  @Test
  void aSecondSignalStopsAtOnceAndKillsTheRunningCommand() throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Path marker = work.resolve("started");
    Path cleaning = work.resolve("cleaning");
    Files.writeString(
        work.resolve("s.pkr.hcl"),
        Launcher.nullBuild(
            """
            provisioner "shell-local" {
              inline = ["touch %s", "exec sleep 300"]
            }
            error-cleanup-provisioner "shell-local" {
              inline = ["touch %s", "exec sleep 300"]
            }
            """
                .formatted(marker, cleaning)));
    Launcher.Started run = launcher.start(Map.of(), List.of(), "build", "s.pkr.hcl");
    for (int i = 0; i < 1200 && !Files.exists(marker); i++) {
      Thread.sleep(50);
    }
    assertThat(marker).as("the step started").exists();
    run.signal("TERM");
    for (int i = 0; i < 1200 && !Files.exists(cleaning); i++) {
      Thread.sleep(50);
    }
    assertThat(cleaning).as("the first signal started the error cleanup").exists();
    List<ProcessHandle> before = run.process().descendants().toList();
    assertThat(before).as("the cleanup's command").isNotEmpty();
    run.signal("TERM");
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(143);
    assertThat(r.err()).contains("Stopped without cleanup");
    for (int i = 0; i < 100 && before.stream().anyMatch(ProcessHandle::isAlive); i++) {
      Thread.sleep(50);
    }
    assertThat(before).as("the build's processes").noneMatch(ProcessHandle::isAlive);
  }
}
