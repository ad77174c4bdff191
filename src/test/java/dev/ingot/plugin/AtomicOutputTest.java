package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void fileAppearsOnlyOnCommit() throws Exception {
    Path target = dir.resolve("a/b/out.txt");
    try (AtomicOutput out = AtomicOutput.file(target)) {
      Files.writeString(out.path(), "x");
      assertThat(target).doesNotExist();
      out.commit(false);
    }
    assertThat(target).hasContent("x");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failureLeavesNothing() throws Exception {
    Path target = dir.resolve("out");
    assertThatThrownBy(
            () -> {
              try (AtomicOutput out = AtomicOutput.directory(target)) {
                Files.writeString(out.path().resolve("half"), "x");
                throw new IllegalStateException("step failed");
              }
            })
        .hasMessage("step failed");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void existingTargetNeedsReplace() throws Exception {
    Path target = dir.resolve("out");
    Files.createDirectories(target.resolve("old"));
    try (AtomicOutput out = AtomicOutput.directory(target)) {
      Files.writeString(out.path().resolve("new"), "n");
      assertThatThrownBy(() -> out.commit(false)).isInstanceOf(FileAlreadyExistsException.class);
      out.commit(true);
    }
    assertThat(target.resolve("new")).exists();
    assertThat(target.resolve("old")).doesNotExist();
  }

  @Test
  void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
    Path real = Files.writeString(dir.resolve("real.img"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.img"), real.getFileName());
    try (AtomicOutput out = AtomicOutput.file(link)) {
      Files.writeString(out.path(), "new");
      out.commit(true);
    }
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  @Test
  void aDanglingLinkIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.img"), Path.of("missing"));
    assertThatThrownBy(() -> AtomicOutput.file(link))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("a symbolic link to nothing");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aNamedPipeIsNeverReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> AtomicOutput.file(fifo))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("is a named pipe, not a file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(fifo);
    }
  }

  @Test
  void aFileOutputNeverReplacesADirectory() throws Exception {
    Path d = Files.createDirectories(dir.resolve("images"));
    Files.writeString(d.resolve("keep.txt"), "precious");
    assertThatThrownBy(() -> AtomicOutput.file(d))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("is a directory; give the path of the file to write");
    assertThat(d.resolve("keep.txt")).hasContent("precious");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(d);
    }
  }

  @Test
  void aStreamIsWrittenStraightIntoANamedPipe() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try (AtomicOutput out = AtomicOutput.stream(fifo)) {
      assertThat(out.path()).isEqualTo(fifo);
      Files.writeString(out.path(), "report\n");
      assertThat(out.commit(true)).isEqualTo(fifo);
    }
    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("report\n");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(fifo);
    }
  }

  @Test
  void aStreamToAFileIsStillAtomic() throws Exception {
    Path target = dir.resolve("r.json");
    try (AtomicOutput out = AtomicOutput.stream(target)) {
      assertThat(out.path()).isNotEqualTo(target);
      Files.writeString(out.path(), "{}");
      assertThat(target).doesNotExist();
      out.commit(true);
    }
    assertThat(target).hasContent("{}");
  }

  @Test
  void aFileWhereADirectoryShouldBeIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    for (String out : new String[] {"file/x.json", "file/deeper/x.json"}) {
      assertThatThrownBy(() -> AtomicOutput.stream(dir.resolve(out)))
          .as(out)
          .isInstanceOf(java.nio.file.NotDirectoryException.class)
          .satisfies(e -> assertThat(IoMessages.describe(e)).isEqualTo(file + ": not a directory"));
    }
    assertThat(file).hasContent("x");
  }
}
