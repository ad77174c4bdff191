package dev.ingot.disk.fs;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Space in an ext4 filesystem with 4 KiB blocks, in blocks and inodes: what a tree needs ({@link
 * #of}) or what an empty filesystem has free ({@link #parseFree}, from {@code dumpe2fs -h}). The
 * need is an estimate that errs high by little: data rounded up to whole blocks, a block per
 * directory (more for big ones, plus an htree index), one for each symbolic link too long for the
 * inode and for extended attributes too big for it, extent-tree blocks for very large files. It
 * lets the disk step refuse a tree that cannot fit before mke2fs runs out of blocks half-way, and
 * say what size would do. Immutable.
 */
public record Ext4Space(long blocks, long inodes) {
  public static final int BLOCK = 4096;

  /** The largest extent ext4 maps in one entry (32768 blocks, 128 MiB). */
  private static final long EXTENT_BLOCKS = 32768;

  /** Bytes of a directory block usable for entries (metadata_csum keeps a 12-byte tail). */
  private static final int DIR_BLOCK = BLOCK - 12;

  /** Symbolic link targets shorter than this live in the inode itself. */
  private static final int INLINE_LINK = 60;

  /**
   * Bytes of extended attributes a 256-byte inode holds after its 160 bytes of fields (the rest go
   * to a block of their own).
   */
  private static final int IN_INODE_XATTRS = 256 - 160 - 4;

  /** What {@code tree} needs: blocks for its data and directories, an inode per entry. */
  public static Ext4Space of(FileTree tree) {
    Map<String, Long> dirBytes = new HashMap<>();
    long blocks = 0;
    long inodes = 0;
    for (FileEntry e : tree.entries()) {
      if (!e.path().isEmpty()) {
        String parent = parent(e.path());
        int name = utf8(e.path().substring(parent.isEmpty() ? 0 : parent.length() + 1));
        dirBytes.merge(parent, (long) ((8 + name + 3) & ~3), Long::sum);
      }
      if (e.type() == FileType.HARDLINK) {
        continue; // another name for an inode counted already
      }
      inodes++;
      blocks += xattrBytes(e) > IN_INODE_XATTRS ? 1 : 0;
      switch (e.type()) {
        case REGULAR -> blocks += fileBlocks(e.size());
        case SYMLINK -> blocks += utf8(e.linkTarget()) >= INLINE_LINK ? 1 : 0;
        default -> {}
      }
    }
    for (FileEntry e : tree.entries()) {
      if (e.isDirectory()) {
        long bytes = 24 + dirBytes.getOrDefault(e.path(), 0L); // with "." and ".."
        long b = (bytes + DIR_BLOCK - 1) / DIR_BLOCK;
        blocks += b > 1 ? b + 1 : 1; // a directory of several blocks gets an htree root
      }
    }
    return new Ext4Space(blocks, inodes);
  }

  /** The on-disk size of an entry's extended attributes: 16 bytes each plus name and value. */
  private static long xattrBytes(FileEntry e) {
    long n = 0;
    for (var x : e.xattrs().entrySet()) {
      String name = x.getKey().substring(x.getKey().indexOf('.') + 1); // the prefix is an index
      // Names are text; values are bytes held as ISO-8859-1, a char each.
      n += 16 + ((utf8(name) + 3) & ~3) + ((x.getValue().length() + 3) & ~3);
    }
    return n == 0 ? 0 : n + 4;
  }

  private static int utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static long fileBlocks(long size) {
    long data = (size + BLOCK - 1) / BLOCK;
    long extents = (data + EXTENT_BLOCKS - 1) / EXTENT_BLOCKS;
    // Four extents fit in the inode; beyond that a leaf block holds 340 of them.
    return data + (extents > 4 ? (extents + 339) / 340 : 0);
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "" : path.substring(0, i);
  }

  /**
   * Free blocks and inodes of a filesystem, from the lines {@code dumpe2fs -h} prints, less the
   * blocks reserved for root (5%): services that are not root cannot write there, so a disk whose
   * files reach into them is full when it boots.
   */
  public static Ext4Space parseFree(List<String> dumpe2fs) {
    long blocks = -1;
    long reserved = -1;
    long inodes = -1;
    for (String line : dumpe2fs) {
      if (line.startsWith("Free blocks:")) {
        blocks = Long.parseLong(line.substring(12).strip());
      } else if (line.startsWith("Reserved block count:")) {
        reserved = Long.parseLong(line.substring(21).strip());
      } else if (line.startsWith("Free inodes:")) {
        inodes = Long.parseLong(line.substring(12).strip());
      }
    }
    if (blocks < 0 || inodes < 0 || reserved < 0) {
      throw new IllegalArgumentException("dumpe2fs printed no free block and inode counts");
    }
    return new Ext4Space(Math.max(0, blocks - reserved), inodes);
  }

  /** Whether a need of {@code this} fits in {@code free}. */
  public boolean fitsIn(Ext4Space free) {
    return blocks <= free.blocks && inodes <= free.inodes;
  }

  /** The need with {@code percent} more of both, as room to grow in. */
  public Ext4Space plus(int percent) {
    return new Ext4Space(
        blocks + (blocks * percent + 99) / 100, inodes + (inodes * percent + 99) / 100);
  }

  /** Bytes of its blocks. */
  public long bytes() {
    return blocks * BLOCK;
  }
}
