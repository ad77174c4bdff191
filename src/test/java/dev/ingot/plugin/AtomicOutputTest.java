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
}
