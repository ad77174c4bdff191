package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRoundTripTest {
  @TempDir Path tmp;

  @Test
  void exportThenImportGivesTheSameTree() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    Digest hello = blobs.put(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
    long t = 1_700_000_000L;
    FileTree tree =
        FileTree.builder()
            .put(FileEntry.directory("", 0755, 0, 0, t))
            .put(FileEntry.directory("etc", 0755, 0, 0, t))
            .put(FileEntry.file("etc/hello", 0640, 0, 0, t, 6, hello))
            .put(FileEntry.hardlink("etc/hello2", "etc/hello", 0640, 0, 0, t))
            .put(FileEntry.file("etc/empty", 04755, 0, 0, t, 0, null))
            .put(FileEntry.symlink("etc/link", "hello", 0, 0, t))
            .put(FileEntry.directory("tmp", 01777, 0, 0, t))
            .build();
    Path root = tmp.resolve("root");
    Files.createDirectories(root);
    boolean isRoot = "root".equals(System.getProperty("user.name"));
    new TreeExporter(blobs, (p, type, mode, ma, mi) -> {}, new TreeExporter.Options(isRoot))
        .export(tree, root);

    FileTree back = new TreeImporter(blobs).importDir(root);

    if (isRoot) {
      assertThat(back.entries()).containsExactlyElementsOf(tree.entries());
    } else {
      assertThat(back.entries()).hasSameSizeAs(tree.entries());
    }
    assertThat(Files.readString(root.resolve("etc/link"))).isEqualTo("hello\n");
  }

  @Test
  void refusesToWriteThroughASymlink() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree tree =
        FileTree.builder()
            .put(FileEntry.directory("", 0755, 0, 0, 0))
            .put(FileEntry.symlink("etc", "/etc", 0, 0, 0))
            .put(FileEntry.file("etc/evil", 0644, 0, 0, 0, 0, null))
            .build();
    Path root = tmp.resolve("root2");
    Files.createDirectories(root);
    assertThatThrownBy(
            () ->
                new TreeExporter(blobs, (p, t, m, a, b) -> {}, new TreeExporter.Options(false))
                    .export(tree, root))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("etc/evil");
    assertThat(Path.of("/etc/evil")).doesNotExist();
  }
}
