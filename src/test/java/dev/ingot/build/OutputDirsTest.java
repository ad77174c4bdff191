package dev.ingot.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a failed build's outputs while keeping the files that explain the failure. */
class OutputDirsTest {
  @TempDir Path tmp;

  @Test
  void keepsOnlyTheExplainingFilesAndTheirDirectories() throws Exception {
    Path cwd = tmp.resolve("work");
    Path out = cwd.resolve("output/b");
    Files.createDirectories(out.resolve("layout/blobs/sha256"));
    Files.writeString(out.resolve("layout/blobs/sha256/abc"), "half an image");
    Files.writeString(out.resolve("image.tar"), "half an archive");
    Files.createDirectories(out.resolve("reports"));
    Files.writeString(out.resolve("reports/scan-report.txt"), "why");
    Files.writeString(out.resolve("scan-report.json"), "{}");
    Path outside = Files.writeString(tmp.resolve("elsewhere.txt"), "not ours");

    List<Path> kept =
        OutputDirs.deleteExcept(
            out,
            cwd,
            tmp.resolve("templates"),
            List.of(
                out.resolve("reports/scan-report.txt"),
                Path.of("output/b/scan-report.json"),
                outside,
                out.resolve("missing.html")));

    assertThat(kept)
        .containsExactly(
            out.resolve("reports/scan-report.txt").toAbsolutePath(),
            out.resolve("scan-report.json").toAbsolutePath());
    try (Stream<Path> left = Files.walk(out)) {
      assertThat(left.map(p -> out.relativize(p).toString()))
          .containsExactlyInAnyOrder(
              "", "reports", "reports/scan-report.txt", "scan-report.json", OutputDirs.FAILED_MARK);
    }
    assertThat(outside).exists();
    assertThat(OutputDirs.leftByFailedBuild(out)).as("only what the failure kept").isTrue();
  }

  @Test
  void aDirectoryWithMoreThanTheFailureKeptNeedsForceAgain() throws Exception {
    Path cwd = tmp.resolve("work");
    Path out = cwd.resolve("output/b");
    Files.createDirectories(out);
    Files.writeString(out.resolve("image.tar"), "x");
    Files.writeString(out.resolve("scan-report.txt"), "why");
    OutputDirs.deleteExcept(out, cwd, tmp, List.of(out.resolve("scan-report.txt")));
    assertThat(OutputDirs.leftByFailedBuild(out)).isTrue();

    Files.writeString(out.resolve("notes.txt"), "added by the user since");
    assertThat(OutputDirs.leftByFailedBuild(out)).isFalse();
    Files.delete(out.resolve("notes.txt"));
    Files.createSymbolicLink(out.resolve("link"), Path.of("scan-report.txt"));
    assertThat(OutputDirs.leftByFailedBuild(out)).isFalse();
    Files.delete(out.resolve("link"));
    assertThat(OutputDirs.leftByFailedBuild(out)).isTrue();

    Path plain = Files.createDirectories(cwd.resolve("output/c"));
    Files.writeString(plain.resolve("image.tar"), "a finished build's output");
    assertThat(OutputDirs.leftByFailedBuild(plain)).as("no mark: an ordinary output").isFalse();
  }

  @Test
  void withNothingToKeepTheDirectoryGoes() throws Exception {
    Path cwd = tmp.resolve("work");
    Path out = cwd.resolve("output/b");
    Files.createDirectories(out);
    Files.writeString(out.resolve("image.tar"), "x");
    assertThat(OutputDirs.deleteExcept(out, cwd, tmp, List.of())).isEmpty();
    assertThat(out).doesNotExist();
  }
}
