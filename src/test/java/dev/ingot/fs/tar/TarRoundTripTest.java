package dev.ingot.fs.tar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TarRoundTripTest {
  @TempDir Path tmp;
  DirBlobStore blobs;

  @BeforeEach
  void setUp() {
    blobs = new DirBlobStore(tmp.resolve("blobs"));
  }

  /** A tree with every kind of entry and every field that needs an extension header. */
  public static FileTree sample(DirBlobStore blobs) throws IOException {
    long t = 1_700_000_000L;
    var hello = blobs.put(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
    String longDir = "usr/share/" + "d".repeat(120);
    String longName = longDir + "/" + "f".repeat(150) + ".txt";
    TreeMap<String, String> xattrs = new TreeMap<>();
    xattrs.put("security.capability", "\u0001\u0000\u0000\u0002\u00ff");
    xattrs.put("user.comment", "plain");
    return FileTree.builder()
        .put(FileEntry.directory("", 0755, 0, 0, t))
        .put(FileEntry.directory("bin", 0755, 0, 0, t))
        .put(
            new FileEntry(
                "bin/ping", FileType.REGULAR, 04755, 0, 0, t, 6, hello, null, 0, 0, xattrs))
        .put(FileEntry.hardlink("bin/aaa-link", "bin/ping", 04755, 0, 0, t))
        .put(FileEntry.symlink("bin/sh", "dash", 0, 0, t))
        .put(FileEntry.directory("dev", 0755, 0, 0, t))
        .put(
            new FileEntry(
                "dev/null", FileType.CHAR_DEVICE, 0666, 0, 0, t, 0, null, null, 1, 3, null))
        .put(
            new FileEntry(
                "dev/sda", FileType.BLOCK_DEVICE, 0660, 0, 6, t, 0, null, null, 8, 0, null))
        .put(new FileEntry("dev/fifo", FileType.FIFO, 0600, 0, 0, t, 0, null, null, 0, 0, null))
        .put(FileEntry.directory("tmp", 01777, 0, 0, t))
        .put(FileEntry.directory("srv", 02775, 3_000_000, 4_000_000, t))
        .put(FileEntry.file("srv/empty", 0640, 1000, 1000, t + 10, 0, null))
        .put(FileEntry.file("srv/grüße", 0644, 0, 0, t, 6, hello))
        .put(FileEntry.symlink("srv/longlink", "/" + longName, 0, 0, t))
        .put(FileEntry.directory("usr", 0755, 0, 0, t))
        .put(FileEntry.directory("usr/share", 0755, 0, 0, t))
        .put(FileEntry.directory(longDir, 0755, 0, 0, t))
        .put(FileEntry.file(longName, 0644, 0, 0, t, 6, hello))
        .build();
  }

  private byte[] write(FileTree tree, TarWriter.Options o) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TarWriter(blobs, o).write(tree, out);
    return out.toByteArray();
  }

  @Test
  void writeThenReadGivesTheSameTree() throws IOException {
    FileTree tree = sample(blobs);
    byte[] tar = write(tree, new TarWriter.Options(-1, true));
    FileTree back =
        new TarReader(blobs, TarReadOptions.DEFAULTS).read(new ByteArrayInputStream(tar));
    // "bin/aaa-link" sorts before its target, so it carries the content after the round trip.
    FileEntry link = back.get("bin/aaa-link").orElseThrow();
    assertThat(link.type()).isEqualTo(FileType.REGULAR);
    assertThat(link.size()).isEqualTo(6);
    assertThat(back.get("bin/ping").orElseThrow().type()).isEqualTo(FileType.HARDLINK);
    assertThat(back.get("bin/ping").orElseThrow().linkTarget()).isEqualTo("bin/aaa-link");
    FileTree normalized =
        back.toBuilder()
            .put(tree.get("bin/ping").orElseThrow())
            .put(tree.get("bin/aaa-link").orElseThrow())
            .build();
    assertThat(normalized.entries()).containsExactlyElementsOf(tree.entries());
    // Writing what was read gives the same bytes: the first path of a link group is stable.
    assertThat(write(back, new TarWriter.Options(-1, true))).isEqualTo(tar);
  }

  @Test
  void outputIsDeterministicAndMtimesAreClamped() throws IOException {
    FileTree tree = sample(blobs);
    TarWriter.Options o = new TarWriter.Options(1_600_000_000L, false);
    byte[] a = write(tree, o);
    byte[] b = write(tree.map(e -> e.withMtime(e.mtime() + 5)), o);
    assertThat(a).isEqualTo(b);
    FileTree back = new TarReader(blobs, TarReadOptions.DEFAULTS).read(new ByteArrayInputStream(a));
    assertThat(back.entries()).allMatch(e -> e.mtime() == 1_600_000_000L);
    assertThat(back.contains("")).isFalse();
    assertThat(a.length % 512).isZero();
  }

  @Test
  void entryStreamSeesMembersInOrderWithContent() throws IOException {
    byte[] tar = write(sample(blobs), TarWriter.Options.LAYER);
    TarInput in = new TarInput(new ByteArrayInputStream(tar), TarReadOptions.DEFAULTS);
    StringBuilder seen = new StringBuilder();
    for (FileEntry e; (e = in.next()) != null; ) {
      seen.append(e.path()).append(' ');
      if (e.path().equals("srv/grüße")) {
        assertThat(new String(in.content().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("hello\n");
      }
    }
    assertThat(seen.toString()).startsWith("bin bin/aaa-link bin/ping bin/sh dev ");
  }
}
