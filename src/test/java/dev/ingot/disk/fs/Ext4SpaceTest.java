package dev.ingot.disk.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeImporter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate of what a tree takes in ext4, against what mke2fs -d really uses. */
@Tag("peer")
class Ext4SpaceTest {
  @TempDir Path tmp;

  private static List<String> run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out.lines().toList();
  }

  /** A tree with the shapes that cost blocks: small and big files, long links, a big directory. */
  private Path sampleTree() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Random r = new Random(7);
    Path many = Files.createDirectories(root.resolve("usr/share/many"));
    for (int i = 0; i < 3000; i++) {
      byte[] b = new byte[r.nextInt(9000)];
      r.nextBytes(b);
      Files.write(many.resolve("file-with-a-longish-name-" + i), b);
    }
    byte[] big = new byte[1 << 20];
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
      for (int i = 0; i < 40; i++) {
        r.nextBytes(big);
        f.write(big);
      }
    }
    Files.createDirectories(root.resolve("etc/alternatives"));
    for (int i = 0; i < 200; i++) {
      Files.createSymbolicLink(
          root.resolve("etc/alternatives/l" + i), Path.of("/usr/share/many/".repeat(5) + i));
      Files.createSymbolicLink(root.resolve("etc/alternatives/s" + i), Path.of("../x" + i));
    }
    Files.createLink(root.resolve("etc/hard"), many.resolve("file-with-a-longish-name-1"));
    for (int i = 0; i < 300; i++) {
      Files.createDirectories(root.resolve("var/lib/d" + i));
    }
    return root;
  }

  @Test
  void theEstimateCoversWhatMke2fsUsesAndLittleMore() throws Exception {
    Path dir = sampleTree();
    FileTree tree = new TreeImporter(new DirBlobStore(tmp.resolve("blobs"))).importDir(dir);
    Ext4Space need = Ext4Space.of(tree);

    assertCloseToWhatMke2fsUses(need, dir);
  }

  @Test
  void attributesTooBigForTheInodeCountABlockEach() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree.Builder b =
        FileTree.builder().put(dev.ingot.fs.FileEntry.directory("", 0755, 0, 0, 1));
    for (int i = 0; i < 500; i++) {
      var x = new java.util.TreeMap<String, String>();
      x.put("user.note", ("attribute " + i + " ").repeat(i % 2 == 0 ? 2 : 20));
      b.put(dev.ingot.fs.FileEntry.directory("d" + i, 0755, 0, 0, 1).withXattrs(x));
    }
    FileTree tree = b.build();
    Path dir = tmp.resolve("exported");
    new dev.ingot.fs.TreeExporter(
            blobs,
            new dev.ingot.plugin.ProcessNodeMaker(new dev.ingot.plugin.LocalProcessRunner()),
            new dev.ingot.fs.TreeExporter.Options(true))
        .export(tree, dir);
    dev.ingot.fs.XattrDump.write( // as the disk step does
        tree,
        dir,
        tmp,
        cmd -> {
          try {
            run(cmd);
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
    Ext4Space need = Ext4Space.of(tree);
    // 500 directories of a block, the root's 500 entries in two blocks and an index, and an
    // attribute block for each of the 250 whose attribute does not fit the inode.
    assertThat(need.blocks()).isEqualTo(500 + 3 + 250);
    assertCloseToWhatMke2fsUses(need, dir);
  }

  /** Makes the filesystem empty and from {@code dir}, and compares what it used to {@code need}. */
  private void assertCloseToWhatMke2fsUses(Ext4Space need, Path dir) throws Exception {
    Ext4 fs = new Ext4(UUID.nameUUIDFromBytes(new byte[] {1}), "root", 0, 256L << 20, 1);
    Path empty = tmp.resolve("empty.img");
    run(List.of("truncate", "-s", "256M", empty.toString()));
    run(fs.mke2fsEmpty(empty));
    Ext4Space free = Ext4Space.parseFree(run(List.of("dumpe2fs", "-h", empty.toString())));

    Path full = tmp.resolve("full.img");
    run(List.of("truncate", "-s", "256M", full.toString()));
    run(fs.mke2fs(full, dir));
    Ext4Space left = Ext4Space.parseFree(run(List.of("dumpe2fs", "-h", full.toString())));

    long usedBlocks = free.blocks() - left.blocks();
    long usedInodes = free.inodes() - left.inodes();
    assertThat(need.blocks())
        .as("blocks, mke2fs used %d", usedBlocks)
        .isBetween(usedBlocks, usedBlocks + usedBlocks / 20 + 16);
    assertThat(need.inodes())
        .as("inodes, mke2fs used %d", usedInodes)
        .isBetween(usedInodes, usedInodes + 16);
    assertThat(need.fitsIn(free)).isTrue();
    assertThat(need.fitsIn(new Ext4Space(usedBlocks - 1, free.inodes()))).isFalse();
  }

  @Test
  void dumpe2fsOutputWithoutCountsIsRefused() {
    assertThat(
            Ext4Space.parseFree(
                List.of("Reserved block count:     2", "Free blocks:     12", "Free inodes:  7")))
        .as("root's reserve is not room for the image's files")
        .isEqualTo(new Ext4Space(10, 7));
    assertThatThrownBy(() -> Ext4Space.parseFree(new ArrayList<>(List.of("dumpe2fs 1.47.0"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
