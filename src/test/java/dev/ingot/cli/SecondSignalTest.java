package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two SIGTERMs sent to Ingot's process alone, back to back (as a CI runner or timeout sends them):
 * it stops at once, without cleanup, and the command the build was running does not outlive it. A
 * black-box review saw it left running with no parent when the second signal came before the first
 * one's kill; the halt now kills every descendant first. The race is the kernel's to decide, so
 * this test holds the contract rather than forcing that order.
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
        """
        source "null" "a" { communicator = "none" }
        build {
          sources = ["source.null.a"]
          provisioner "shell-local" {
            inline = ["touch %s", "exec sleep 300"]
          }
          error-cleanup-provisioner "shell-local" {
            inline = ["touch %s", "exec sleep 300"]
          }
        }
        """
            .formatted(marker, cleaning));
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
