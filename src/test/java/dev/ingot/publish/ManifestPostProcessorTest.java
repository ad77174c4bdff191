package dev.ingot.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.FileSet;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.StepContext;
import dev.ingot.plugin.TestContexts;
import dev.ingot.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestPostProcessorTest {
  @TempDir Path dir;

  @Test
  void appendsEntriesInPackersFormat() throws Exception {
    Files.createDirectories(dir.resolve("f"));
    Files.writeString(dir.resolve("f/a.txt"), "hi\n");
    Files.writeString(dir.resolve("f/b.txt"), "yo <&>\n");
    StepContext ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    FileSet files = new FileSet(List.of(Path.of("f/a.txt"), Path.of("f/b.txt")), new NoArtifact());
    Config first = Config.of(Map.of("custom_data", Map.of("b", "2", "a", "<x>")));
    Config second = Config.of(Map.of("strip_path", true));
    String one =
        ManifestPostProcessor.append(
            "",
            ManifestPostProcessor.entry(first, new NoArtifact(), ctx, 1796140435L),
            "run-1",
            dir);
    String two =
        ManifestPostProcessor.append(
            one, ManifestPostProcessor.entry(second, files, ctx, 1796140436L), "run-2", dir);
    Golden.assertMatches("manifest/two-runs.json", two);
  }

  @Test
  void processWritesAndAppendsTheFile() throws Exception {
    StepContext ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    Config c = Config.of(Map.of("output", "out/m.json", "strip_time", true));
    var pp = new ManifestPostProcessor();
    assertThat(pp.process(c, new NoArtifact(), ctx)).isEqualTo(new NoArtifact());
    pp.process(c, new NoArtifact(), ctx);
    String text = Files.readString(dir.resolve("out/m.json"));
    assertThat(text.split("\"name\": \"example\"", -1)).hasSize(3);
    assertThat(text)
        .doesNotContain("build_time")
        .contains("\"last_run_uuid\": \"11111111-2222-3333-4444-555555555555\"");
    try (var s = Files.list(dir.resolve("out"))) {
      assertThat(s).containsExactly(dir.resolve("out/m.json"));
    }
  }

  @Test
  void aFileThatIsNotAManifestIsAClearError() throws Exception {
    Files.writeString(dir.resolve("packer-manifest.json"), "not json");
    StepContext ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    assertThatThrownBy(
            () ->
                new ManifestPostProcessor()
                    .process(
                        Config.of(Map.of("output", "packer-manifest.json")), new NoArtifact(), ctx))
        .hasMessageContaining("is not a manifest");
    assertThat(dir.resolve("packer-manifest.json")).hasContent("not json");
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void anOutputThatIsNotARegularFileIsRefusedUnread() throws Exception {
    // /dev/zero was read to the end of the heap, a FIFO blocked the build past Ctrl-C.
    Path fifo = dir.resolve("fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    Files.createDirectories(dir.resolve("existing"));
    StepContext ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    var pp = new ManifestPostProcessor();
    for (String out : List.of("/dev/zero", "fifo", "existing")) {
      assertThatThrownBy(() -> pp.process(Config.of(Map.of("output", out)), new NoArtifact(), ctx))
          .as(out)
          .isInstanceOf(java.nio.file.FileSystemException.class)
          .hasMessageContaining(out.startsWith("/") ? out : dir.resolve(out).toString())
          .hasMessageMatching(".*(is a character device|is a named pipe|is a directory).*");
    }
    assertThat(fifo).exists();
    assertThat(dir.resolve("existing")).isEmptyDirectory();
    for (String out : List.of("", "out/")) {
      assertThat(pp.check(Config.of(Map.of("output", out))).errors())
          .singleElement()
          .satisfies(d -> assertThat(d.summary()).isEqualTo("Bad output"));
    }
    assertThat(pp.check(Config.of(Map.of("output", "m.json"))).hasErrors()).isFalse();
  }

  /** Packer 1.6.6 writes the manifest of the same files; ours must match but for times and ids. */
  @Test
  @Tag("peer")
  void sameBytesAsPacker() throws Exception {
    Files.createDirectories(dir.resolve("f"));
    Files.writeString(dir.resolve("f/a.txt"), "hi\n");
    Files.writeString(dir.resolve("f/b.txt"), "yo\n");
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        """
        source "null" "example" {
          communicator = "none"
        }
        build {
          sources = ["source.null.example"]
          post-processors {
            post-processor "artifice" {
              files = ["f/a.txt", "f/b.txt"]
            }
            post-processor "manifest" {
              output = "packer.json"
              custom_data = { k = "v" }
            }
          }
        }
        """);
    Process p =
        new ProcessBuilder("packer", "build", "-color=false", "t.pkr.hcl")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(log).isZero();
    StepContext ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    FileSet files = new FileSet(List.of(Path.of("f/a.txt"), Path.of("f/b.txt")), new NoArtifact());
    new ManifestPostProcessor()
        .process(
            Config.of(Map.of("output", "ours.json", "custom_data", Map.of("k", "v"))), files, ctx);
    String theirs = normalise(Files.readString(dir.resolve("packer.json")));
    String ours = normalise(Files.readString(dir.resolve("ours.json")));
    assertThat(ours).isEqualTo(theirs);
  }

  private static String normalise(String manifest) {
    return manifest
        .replaceAll("\"build_time\": \\d+", "\"build_time\": 0")
        // Packer's artifice artifact has an empty id; Ingot's file set is named by its first file.
        .replaceAll("\"artifact_id\": \"[^\"]*\"", "\"artifact_id\": \"\"")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
  }
}
