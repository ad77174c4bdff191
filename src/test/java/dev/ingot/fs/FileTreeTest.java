package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  @Test
  void normalizesAndRefusesEscapes() {
    assertThat(FsPaths.normalize("./etc//passwd/")).isEqualTo("etc/passwd");
    assertThat(FsPaths.normalize("/")).isEmpty();
    assertThat(FsPaths.normalize("a/b/../c")).isEqualTo("a/c");
    assertThatThrownBy(() -> FsPaths.normalize("a/../../etc"))
        .isInstanceOf(UnsafePathException.class);
  }

  @Test
  void resolvesLinksInsideTheRoot() {
    assertThat(FsPaths.resolveLink("usr/lib/x", "../../../../etc/shadow")).isEqualTo("etc/shadow");
    assertThat(FsPaths.resolveLink("bin", "/usr/bin")).isEqualTo("usr/bin");
    assertThat(FsPaths.resolveLink("usr/bin/sh", "dash")).isEqualTo("usr/bin/dash");
  }

  @Test
  void laterEntriesWinAndRemoveTakesSubtree() {
    FileTree t =
        FileTree.builder()
            .putWithParents(FileEntry.file("etc/a/b", 0644, 0, 0, 1, 0, null), 0755, 1)
            .put(FileEntry.file("etc/a/b", 0600, 0, 0, 2, 0, null))
            .put(FileEntry.directory("etc2", 0755, 0, 0, 1))
            .build();
    assertThat(t.get("etc/a/b").orElseThrow().mode()).isEqualTo(0600);
    assertThat(t.under("etc").stream().map(FileEntry::path))
        .containsExactly("etc", "etc/a", "etc/a/b");
    FileTree removed = t.toBuilder().remove("etc/a").build();
    assertThat(removed.entries().stream().map(FileEntry::path)).containsExactly("etc", "etc2");
  }

  @Test
  void blobStoreIsContentAddressed(@TempDir Path dir) throws Exception {
    DirBlobStore s = new DirBlobStore(dir);
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    Digest d = s.put(new ByteArrayInputStream(data));
    assertThat(d).isEqualTo(Digest.sha256(data));
    assertThat(s.put(new ByteArrayInputStream(data), d)).isEqualTo(d);
    assertThat(Files.readAllBytes(s.path(d))).isEqualTo(data);
    assertThatThrownBy(() -> s.put(new ByteArrayInputStream(new byte[] {1}), d))
        .hasMessageContaining("digest mismatch");
  }
}
