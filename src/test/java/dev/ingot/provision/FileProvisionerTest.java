package dev.ingot.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProvisionerTest {
  @TempDir Path dir;
  private Path target;
  private LocalCommunicator comm;
  private final TestContexts.RecordingLog log = new TestContexts.RecordingLog();

  @BeforeEach
  void files() throws Exception {
    Files.createDirectories(dir.resolve("conf/sub"));
    Files.writeString(dir.resolve("conf/a.conf"), "a");
    Files.writeString(dir.resolve("conf/sub/b.conf"), "b");
    Files.writeString(dir.resolve("motd"), "hello");
    target = Files.createDirectories(dir.resolve("target"));
    comm = new LocalCommunicator(dir);
  }

  private void run(Map<String, Object> args) throws Exception {
    new FileProvisioner().provision(Config.of(args), Optional.of(comm), TestContexts.of(dir, log));
  }

  @Test
  void trailingSlashRulesForDirectories() throws Exception {
    run(Map.of("source", "conf", "destination", target + "/etc", "direction", "upload"));
    assertThat(target.resolve("etc/conf/sub/b.conf")).hasContent("b");
    run(Map.of("source", "conf/", "destination", target + "/flat", "direction", "upload"));
    assertThat(target.resolve("flat/a.conf")).hasContent("a");
    assertThat(target.resolve("flat/conf")).doesNotExist();
  }

  @Test
  void filesGoToDestinationOrIntoItWithSlash() throws Exception {
    run(Map.of("source", "motd", "destination", target + "/etc/motd.txt", "direction", "upload"));
    assertThat(target.resolve("etc/motd.txt")).hasContent("hello");
    run(
        Map.of(
            "sources",
            List.of("motd", "conf/a.conf"),
            "destination",
            target + "/many",
            "direction",
            "upload"));
    assertThat(target.resolve("many/motd")).hasContent("hello");
    assertThat(target.resolve("many/a.conf")).hasContent("a");
    assertThat(FileProvisioner.uploadTarget("x/y.txt", false, "/d/")).isEqualTo("/d/y.txt");
  }

  @Test
  void contentAndDownload() throws Exception {
    run(
        Map.of(
            "content",
            "generated text",
            "destination",
            target + "/gen.txt",
            "direction",
            "upload"));
    assertThat(target.resolve("gen.txt")).hasContent("generated text");
    run(Map.of("source", target + "/gen.txt", "destination", "back/", "direction", "download"));
    assertThat(dir.resolve("back/gen.txt")).hasContent("generated text");
  }

  @Test
  void mistakesAreDiagnostics() {
    assertThatThrownBy(
            () -> run(Map.of("source", "missing", "destination", "/x", "direction", "upload")))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessage("Source not found: missing");
    assertThatThrownBy(
            () -> run(Map.of("source", "motd", "destination", "/x", "direction", "sideways")))
        .hasMessage("Unknown direction \"sideways\"");
    assertThatThrownBy(
            () ->
                new FileProvisioner()
                    .provision(
                        Config.of(Map.of("source", "motd", "destination", "/x")),
                        Optional.empty(),
                        TestContexts.of(dir, log)))
        .hasMessage("No communicator");
  }
}
