package dev.ingot.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.FileSet;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.StepContext;
import dev.ingot.plugin.TestContexts;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("peer")
class ChecksumAndCompressTest {
  @TempDir Path dir;
  private StepContext ctx;
  private FileSet input;

  @BeforeEach
  void files() throws Exception {
    Files.createDirectories(dir.resolve("f/d"));
    Files.writeString(dir.resolve("f/a.txt"), "hi\n");
    Files.writeString(dir.resolve("f/b.bin"), "x".repeat(100_000));
    Files.writeString(dir.resolve("f/d/c.txt"), "in a dir\n");
    ctx = TestContexts.of(dir, new TestContexts.RecordingLog());
    input = new FileSet(List.of(Path.of("f/a.txt"), Path.of("f/b.bin")), new NoArtifact());
  }

  private static String run(Path cwd, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    return out;
  }

  @Test
  void checksumFilesVerifyWithCoreutilsAndAppend() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "checksum_types",
                List.of("sha256", "md5", "sha512", "sha1"),
                "output",
                "out/{{.BuildName}}_{{ .ChecksumType }}.checksum"));
    Artifact out = new ChecksumPostProcessor().process(c, input, ctx);
    Path sha = dir.resolve("out/example_sha256.checksum");
    assertThat(Files.readString(sha)).matches("[0-9a-f]{64}\ta\\.txt\n[0-9a-f]{64}\tb\\.bin\n");
    // Packer lists the checksummed files in the file's directory by name: check them there.
    Files.copy(dir.resolve("f/a.txt"), dir.resolve("out/a.txt"));
    Files.copy(dir.resolve("f/b.bin"), dir.resolve("out/b.bin"));
    for (String t : List.of("sha256", "md5", "sha512", "sha1")) {
      assertThat(run(dir.resolve("out"), t + "sum", "-c", "example_" + t + ".checksum"))
          .contains("a.txt: OK", "b.bin: OK");
    }
    assertThat(out.files())
        .hasSize(6)
        .contains(Path.of("f/a.txt"), dir.resolve("out/example_md5.checksum"));
    new ChecksumPostProcessor().process(c, input, ctx);
    assertThat(Files.readAllLines(sha)).hasSize(4);
  }

  @Test
  void checksumMistakes() {
    assertThatThrownBy(
            () ->
                new ChecksumPostProcessor()
                    .process(
                        Config.of(Map.of("checksum_types", List.of("crc32"), "output", "x")),
                        input,
                        ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessage("Unknown checksum type \"crc32\"");
    assertThatThrownBy(
            () ->
                new ChecksumPostProcessor()
                    .process(
                        Config.of(Map.of("checksum_types", List.of("md5"), "output", "{{.Nope}}")),
                        input,
                        ctx))
        .hasMessage("Unknown placeholder {{.Nope}}");
    assertThatThrownBy(
            () ->
                new ChecksumPostProcessor()
                    .process(
                        Config.of(Map.of("checksum_types", List.of("md5"), "output", "x")),
                        new NoArtifact(),
                        ctx))
        .hasMessageContaining("has no files");
  }

  @Test
  void tarArchivesInEveryCompression() throws Exception {
    FileSet withDir =
        new FileSet(
            List.of(Path.of("f/a.txt"), Path.of("f/b.bin"), Path.of("f/d")), new NoArtifact());
    for (String ext : List.of("tar.gz", "tar.zst", "tar.xz", "tar")) {
      Config c =
          Config.of(
              Map.of(
                  "output",
                  "out/{{.BuildName}}." + ext,
                  "compression_level",
                  BigDecimal.valueOf(3)));
      Artifact a = new CompressPostProcessor().process(c, withDir, ctx);
      Path file = dir.resolve("out/example." + ext);
      assertThat(a.files()).containsExactly(file);
      String flag =
          switch (ext) {
            case "tar.gz" -> "-z";
            case "tar.zst" -> "--zstd";
            case "tar.xz" -> "-J";
            default -> "-a";
          };
      String listing = run(dir, "tar", "-tv", flag, "-f", file.toString());
      assertThat(listing.lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList())
          .containsExactly("a.txt", "b.bin", "d/", "d/c.txt");
      assertThat(listing).contains("0/0").contains("2023-11-14");
    }
    run(dir, "gzip", "-t", "out/example.tar.gz");
    run(dir, "zstd", "-t", "out/example.tar.zst");
    run(dir, "xz", "-t", "out/example.tar.xz");
  }

  @Test
  void singleFilesAndZip() throws Exception {
    FileSet one = new FileSet(List.of(Path.of("f/b.bin")), new NoArtifact());
    for (String ext : List.of("gz", "zst", "xz")) {
      new CompressPostProcessor()
          .process(Config.of(Map.of("output", "out/b.bin." + ext)), one, ctx);
    }
    run(dir, "gzip", "-t", "out/b.bin.gz");
    run(dir, "zstd", "-t", "out/b.bin.zst");
    run(dir, "xz", "-t", "out/b.bin.xz");
    assertThat(run(dir, "sh", "-c", "gzip -dc out/b.bin.gz | cmp - f/b.bin && echo same"))
        .contains("same");
    new CompressPostProcessor().process(Config.of(Map.of("output", "out/all.zip")), input, ctx);
    assertThat(Files.size(dir.resolve("out/all.zip"))).isPositive();
    // Same input, same bytes: archives are reproducible.
    Config tgz = Config.of(Map.of("output", "out/r.tar.gz"));
    new CompressPostProcessor().process(tgz, input, ctx);
    byte[] first = Files.readAllBytes(dir.resolve("out/r.tar.gz"));
    new CompressPostProcessor().process(tgz, input, ctx);
    assertThat(Files.readAllBytes(dir.resolve("out/r.tar.gz"))).isEqualTo(first);
  }

  @Test
  void compressMistakesLeaveNothingBehind() throws Exception {
    assertThatThrownBy(
            () ->
                new CompressPostProcessor()
                    .process(Config.of(Map.of("output", "out/two.gz")), input, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessage("Cannot put 2 files into one .gz file");
    assertThatThrownBy(
            () ->
                new CompressPostProcessor()
                    .process(Config.of(Map.of("output", "out/x.rar")), input, ctx))
        .hasMessage("Unknown compression format for out/x.rar");
    assertThatThrownBy(
            () ->
                new CompressPostProcessor()
                    .process(
                        Config.of(
                            Map.of("output", "out/x.tar.gz", "compression_level", BigDecimal.TEN)),
                        input,
                        ctx))
        .hasMessage("compression_level 10 is out of range");
    assertThat(dir.resolve("out")).doesNotExist();
    // An archive named as one of its inputs, or inside a directory it packs, replaced its input.
    FileSet withDir = new FileSet(List.of(Path.of("f/a.txt"), Path.of("f/d")), new NoArtifact());
    for (String out : List.of("f/a.txt", "f/d/all.tar")) {
      assertThatThrownBy(
              () ->
                  new CompressPostProcessor()
                      .process(Config.of(Map.of("output", out, "format", "tar")), withDir, ctx))
          .as(out)
          .isInstanceOf(DiagnosticsException.class)
          .hasMessage("Output is an input");
    }
    assertThat(dir.resolve("f/a.txt")).hasContent("hi\n");
    assertThat(dir.resolve("f/d/all.tar")).doesNotExist();
  }
}
