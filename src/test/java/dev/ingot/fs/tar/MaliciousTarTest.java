package dev.ingot.fs.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.UnsafePathException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built to attack the extractor: each must be refused with the entry named. */
class MaliciousTarTest {
  @TempDir Path tmp;

  private FileTree read(byte[] tar, TarReadOptions o) throws IOException {
    return new TarReader(new DirBlobStore(tmp.resolve("blobs")), o)
        .read(new ByteArrayInputStream(tar));
  }

  private FileTree read(byte[] tar) throws IOException {
    return read(tar, TarReadOptions.DEFAULTS);
  }

  @Test
  void refusesDotDot() {
    for (String name : new String[] {"../etc/passwd", "a/../../x", "./a/b/../../../x", "a/.."}) {
      byte[] tar = new RawTar().dir("a/").file(name, "x").bytes();
      assertThatThrownBy(() -> read(tar))
          .isInstanceOf(UnsafePathException.class)
          .hasMessageContaining(name)
          .hasMessageContaining("'..'");
    }
  }

  @Test
  void stripsOrRefusesAbsoluteNames() throws IOException {
    byte[] tar = new RawTar().file("/etc/passwd", "root").file("///abs", "x").bytes();
    FileTree t = read(tar);
    assertThat(t.contains("etc/passwd")).isTrue();
    assertThat(t.contains("abs")).isTrue();
    assertThatThrownBy(() -> read(tar, TarReadOptions.DEFAULTS.withStripLeadingSlash(false)))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("/etc/passwd")
        .hasMessageContaining("absolute");
  }

  @Test
  void refusesWritingThroughASymlink() {
    byte[] tar =
        new RawTar().entry("evil", '2', "/etc", new byte[0]).file("evil/passwd", "x").bytes();
    assertThatThrownBy(() -> read(tar))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("evil/passwd")
        .hasMessageContaining("symbolic link");
    byte[] deep =
        new RawTar()
            .dir("a/")
            .entry("a/b", '2', "../../../../tmp", new byte[0])
            .dir("a/b/c/")
            .bytes();
    assertThatThrownBy(() -> read(deep)).hasMessageContaining("a/b/c");
  }

  @Test
  void refusesHardlinksToMissingOrEscapingTargets() {
    byte[] missing = new RawTar().entry("link", '1', "later", new byte[0]).bytes();
    assertThatThrownBy(() -> read(missing))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("'link'")
        .hasMessageContaining("not (yet) in the archive");
    byte[] escaping = new RawTar().entry("link", '1', "../../etc/shadow", new byte[0]).bytes();
    assertThatThrownBy(() -> read(escaping))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("link")
        .hasMessageContaining("'..'");
    byte[] toDir = new RawTar().dir("d/").entry("link", '1', "d", new byte[0]).bytes();
    assertThatThrownBy(() -> read(toDir)).hasMessageContaining("hard link to directory");
  }

  @Test
  void hardlinkBeforeTheFileIsRefusedEvenIfTheFileComesLater() {
    byte[] tar = new RawTar().entry("a", '1', "b", new byte[0]).file("b", "content").bytes();
    assertThatThrownBy(() -> read(tar)).hasMessageContaining("'a'");
  }

  @Test
  void refusesDevicesWhenRootless() throws IOException {
    byte[] tar = new RawTar().dir("dev/").entry("dev/sda", '4', null, new byte[0]).bytes();
    assertThat(read(tar).get("dev/sda").orElseThrow().type()).isEqualTo(FileType.BLOCK_DEVICE);
    assertThatThrownBy(() -> read(tar, TarReadOptions.DEFAULTS.withRootless(true)))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("dev/sda")
        .hasMessageContaining("rootless");
  }

  @Test
  void refusesEntriesAndArchivesOverTheLimits() {
    byte[] big = new RawTar().file("a", "0123456789").bytes();
    assertThatThrownBy(() -> read(big, TarReadOptions.DEFAULTS.withLimits(5, 100)))
        .isInstanceOf(TarLimitException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("per-entry limit");
    byte[] many = new RawTar().file("a", "0123456789").file("b", "0123456789").bytes();
    assertThatThrownBy(() -> read(many, TarReadOptions.DEFAULTS.withLimits(10, 15)))
        .isInstanceOf(TarLimitException.class)
        .hasMessageContaining("'b'")
        .hasMessageContaining("total limit");
  }

  @Test
  void aBombIsRefusedBeforeItsDataIsRead() {
    // The header declares 8 GiB; the stream behind it would never end. Refusal must come from the
    // header alone, so reading stops at once.
    byte[] header = new RawTar().entry("bomb", '0', null, new byte[0], 077777777777L).withoutEnd();
    InputStream endless =
        new SequenceInputStream(
            new ByteArrayInputStream(header),
            new InputStream() {
              @Override
              public int read() {
                return 0;
              }
            });
    assertThatThrownBy(
            () ->
                new TarReader(
                        new DirBlobStore(tmp.resolve("b")),
                        TarReadOptions.DEFAULTS.withLimits(1 << 20, 1 << 30))
                    .read(endless))
        .isInstanceOf(TarLimitException.class)
        .hasMessageContaining("bomb");
  }

  @Test
  void refusesOversizedPaxHeadersAndMalformedOnes() {
    String huge = "x".repeat(2 << 20);
    byte[] tar = new RawTar().pax(Map.of("comment", huge)).file("a", "x").bytes();
    assertThatThrownBy(() -> read(tar))
        .isInstanceOf(TarLimitException.class)
        .hasMessageContaining("extension header");
    byte[] bad = new RawTar().entry("././@PaxHeader", 'x', null, "99 path=x\n".getBytes()).bytes();
    assertThatThrownBy(() -> read(bad)).isInstanceOf(TarFormatException.class);
  }

  @Test
  void paxPathCannotSmuggleDotDotOrNul() {
    byte[] tar = new RawTar().pax(Map.of("path", "../../root/.ssh/x")).file("ok", "x").bytes();
    assertThatThrownBy(() -> read(tar))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("../../root/.ssh/x");
    byte[] nul = new RawTar().pax(Map.of("path", "a\0b")).file("ok", "x").bytes();
    assertThatThrownBy(() -> read(nul)).hasMessageContaining("NUL");
  }

  @Test
  void refusesBadChecksumsTruncationSparseAndRootFiles() {
    byte[] tar = new RawTar().file("a", "hello").bytes();
    tar[10] ^= 1;
    assertThatThrownBy(() -> read(tar)).hasMessageContaining("checksum");
    byte[] cut = java.util.Arrays.copyOf(new RawTar().file("a", "hello").withoutEnd(), 515);
    assertThatThrownBy(() -> read(cut)).hasMessageContaining("truncated");
    byte[] sparse = new RawTar().entry("s", 'S', null, new byte[0]).bytes();
    assertThatThrownBy(() -> read(sparse)).hasMessageContaining("sparse");
    byte[] root = new RawTar().file(".", "x").bytes();
    assertThatThrownBy(() -> read(root)).hasMessageContaining("root");
  }
}
