package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
