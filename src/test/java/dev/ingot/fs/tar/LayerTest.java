package dev.ingot.fs.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.LayerDiff;
import dev.ingot.fs.UnsafePathException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer diffs with whiteouts, and applying layers onto a base. */
class LayerTest {
  @TempDir Path tmp;
  DirBlobStore blobs;
  Digest one;
  Digest two;

  @BeforeEach
  void setUp() throws IOException {
    blobs = new DirBlobStore(tmp.resolve("blobs"));
    one = blobs.put(new ByteArrayInputStream("one".getBytes(StandardCharsets.UTF_8)));
    two = blobs.put(new ByteArrayInputStream("two".getBytes(StandardCharsets.UTF_8)));
  }

  private FileTree base() {
    return FileTree.builder()
        .put(FileEntry.directory("etc", 0755, 0, 0, 1))
        .put(FileEntry.file("etc/a", 0644, 0, 0, 1, 3, one))
        .put(FileEntry.file("etc/b", 0644, 0, 0, 1, 3, one))
        .put(FileEntry.hardlink("etc/c", "etc/a", 0644, 0, 0, 1))
        .put(FileEntry.directory("var", 0755, 0, 0, 1))
        .put(FileEntry.directory("var/cache", 0755, 0, 0, 1))
        .put(FileEntry.file("var/cache/x", 0644, 0, 0, 1, 3, one))
        .put(FileEntry.file("var/cache/y", 0644, 0, 0, 1, 3, one))
        .put(FileEntry.symlink("lib", "usr/lib", 0, 0, 1))
        .build();
  }

  private byte[] tar(FileTree t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TarWriter(blobs, TarWriter.Options.LAYER).write(t, out);
    return out.toByteArray();
  }

  private FileTree apply(FileTree base, byte[] layer) throws IOException {
    return new LayerApplier(blobs, TarReadOptions.DEFAULTS)
        .apply(base, new ByteArrayInputStream(layer));
  }

  @Test
  void diffThenApplyReproducesTheUpperTree() throws IOException {
    FileTree upper =
        base().toBuilder()
            .remove("var/cache")
            .remove("etc/b")
            .put(FileEntry.file("etc/a", 0600, 0, 0, 2, 3, two))
            .put(FileEntry.directory("etc", 0755, 0, 0, 2))
            .put(FileEntry.file("etc/new", 0644, 0, 0, 2, 0, null))
            .build();
    FileTree layer = LayerDiff.diff(base(), upper);
    assertThat(layer.entries().stream().map(FileEntry::path))
        .containsExactly("etc", "etc/.wh.b", "etc/a", "etc/c", "etc/new", "var", "var/.wh.cache");
    assertThat(apply(base(), tar(layer))).isEqualTo(upper);
    // The link follows the new content of its target.
    FileTree applied = apply(base(), tar(layer));
    assertThat(applied.get("etc/c").orElseThrow().linkTarget()).isEqualTo("etc/a");
  }

  @Test
  void removingALinkTargetPromotesTheLink() throws IOException {
    FileTree upper = base().toBuilder().remove("etc/a").build();
    FileTree applied = apply(base(), tar(LayerDiff.diff(base(), upper)));
    FileEntry c = applied.get("etc/c").orElseThrow();
    assertThat(c.type()).isEqualTo(FileType.REGULAR);
    assertThat(c.content()).isEqualTo(one);
    assertThat(applied.contains("etc/a")).isFalse();
  }

  @Test
  void opaqueWhiteoutHidesLowerEntriesButNotThisLayers() throws IOException {
    // The opaque marker comes after the layer's own entry for the directory: order must not matter.
    byte[] layer =
        new RawTar()
            .dir("var/cache/")
            .file("var/cache/fresh/z", "z")
            .file("var/cache/.wh..wh..opq", "")
            .bytes();
    FileTree applied = apply(base(), layer);
    assertThat(applied.under("var/cache").stream().map(FileEntry::path))
        .containsExactly("var/cache", "var/cache/fresh", "var/cache/fresh/z");
  }

  @Test
  void whiteoutsAndEntriesBelowASymlinkAreRefused() {
    byte[] layer = new RawTar().file("lib/.wh.libc.so", "").bytes();
    assertThatThrownBy(() -> apply(base(), layer))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("lib/.wh.libc.so");
    byte[] write = new RawTar().file("lib/evil.so", "x").bytes();
    assertThatThrownBy(() -> apply(base(), write)).hasMessageContaining("symbolic link");
  }

  @Test
  void hardlinkIntoTheLowerLayerResolves() throws IOException {
    FileTree upper =
        base().toBuilder().put(FileEntry.hardlink("etc/d", "etc/b", 0644, 0, 0, 1)).build();
    FileTree layer = LayerDiff.diff(base(), upper);
    assertThat(layer.contains("etc/b")).isFalse();
    assertThat(apply(base(), tar(layer))).isEqualTo(upper);
  }

  @Test
  void aPolicyListsLargeFilesWithoutStoringThem() throws IOException {
    byte[] big = new byte[5000];
    java.util.Arrays.fill(big, (byte) 'z');
    byte[] layer =
        new RawTar()
            .file("etc/small", "kept")
            .entry("opt/big", '0', null, big)
            .entry("opt/hard", '1', "opt/big", new byte[0])
            .bytes();
    ContentPolicy onlySmall = new ContentPolicy(e -> e.size() <= 1000, 1 << 20, 0);
    FileTree t =
        new LayerApplier(blobs, TarReadOptions.DEFAULTS, onlySmall)
            .apply(FileTree.empty(), new ByteArrayInputStream(layer));
    assertThat(t.get("etc/small").orElseThrow().content()).isNotNull();
    FileEntry bigEntry = t.get("opt/big").orElseThrow();
    assertThat(bigEntry.size()).isEqualTo(5000);
    assertThat(bigEntry.content()).isNull();
    assertThat(blobs.has(Digest.sha256(big))).isFalse();
    assertThat(t.get("opt/hard").orElseThrow().linkTarget()).isEqualTo("opt/big");
  }

  @Test
  void aLayerStoringMoreThanItsLimitIsRefusedAsABomb() {
    RawTar many = new RawTar();
    for (int i = 0; i < 20; i++) {
      many.file("f" + i, ("file " + i + " ").repeat(10_000));
    }
    byte[] layer = many.bytes();
    ContentPolicy bounded = new ContentPolicy(e -> true, 1 << 20, 2);
    LayerApplier applier = new LayerApplier(blobs, TarReadOptions.DEFAULTS, bounded);
    assertThatThrownBy(
            () ->
                applier.apply(
                    FileTree.empty(), new ByteArrayInputStream(layer), bounded.limitFor(100)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than 1 MiB")
        .hasMessageContaining("decompression bomb");
    assertThat(bounded.limitFor(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(ContentPolicy.ALL.limitFor(10)).isEqualTo(Long.MAX_VALUE);
  }
}
