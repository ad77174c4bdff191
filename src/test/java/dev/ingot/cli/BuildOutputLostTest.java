package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingot build … | head -1}, through the launcher: once the reader is gone the builds are
 * cancelled and cleaned up, and the command ends with 141 as a tool killed by SIGPIPE does. The
 * build ran to its end first (the post-processors too, a push would have published) and then said
 * 141.
 */
class BuildOutputLostTest {
  @TempDir Path root;

  @Test
  void aClosedPipeCancelsTheBuild() throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Files.writeString(
        work.resolve("s.pkr.hcl"),
        Launcher.nullBuild(
            """
            provisioner "shell-local" {
              inline = ["echo start", "sleep 1", "echo a", "sleep 1", "echo b", "sleep 60"]
            }
            post-processor "manifest" {}
            """));
    Launcher.Run r =
        launcher
            .start(
                Map.of(),
                List.of("bash", "-c", "\"$0\" \"$@\" | head -1; exit \"${PIPESTATUS[0]}\""),
                "build",
                "s.pkr.hcl")
            .await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(141);
    assertThat(r.out()).hasLineCount(1);
    assertThat(work.resolve("packer-manifest.json")).as("the post-processor ran").doesNotExist();
  }
}
