package dev.ingot.disk;

import dev.ingot.disk.fs.Ext4;
import dev.ingot.disk.fs.Ext4Space;
import dev.ingot.fs.FileTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Whether a tree fits the ext4 filesystem of its partition, asked before mke2fs runs: the room is
 * read from the same filesystem made empty in a sparse scratch file (mke2fs's own sums of journal,
 * inode tables and group metadata, which depend on the size and the host's mke2fs.conf), the need
 * estimated from the tree ({@link Ext4Space}). A tree that does not fit is a {@link
 * NoRoomException} naming the size that would hold it with a tenth to spare, found the same way;
 * mke2fs running out of room anyway (the estimate is close, not exact) becomes the same error.
 */
final class PartitionRoom {
  /** Room to grow left by a suggested size, in percent of the need. */
  static final int HEADROOM = 10;

  private static final long MIB = 1L << 20;

  /** Suggested sizes are whole multiples of this. */
  private static final long STEP = 64 * MIB;

  private final Tools tools;
  private final Path work;

  PartitionRoom(Tools tools, Path work) {
    this.tools = tools;
    this.work = work;
  }

  /** Refuses {@code tree} when it cannot fit {@code fs}, the filesystem of a partition of spec. */
  void check(FileTree tree, Ext4 fs, DiskSpec spec, boolean root) throws IOException {
    Ext4Space need = Ext4Space.of(tree);
    Ext4Space free = free(fs);
    if (!need.fitsIn(free)) {
      throw noRoom(need, free, fs, spec, root);
    }
  }

  /** The smallest disk size whose root filesystem holds {@code tree} with the headroom. */
  long smallest(FileTree tree, Ext4 fs, DiskSpec spec) throws IOException {
    Ext4Space want = Ext4Space.of(tree).plus(HEADROOM);
    Ext4Space free = free(fs);
    return want.fitsIn(free) ? spec.size() : suggest(want, free, fs, spec, true);
  }

  /** Whether a failed mke2fs ran out of blocks or inodes. */
  static boolean outOfRoom(DiskException e) {
    String m = e.getMessage();
    return m != null
        && m.startsWith("mke2fs")
        && (m.contains("Could not allocate") || m.contains("No space left"));
  }

  /**
   * The error for mke2fs having run out of room in {@code fs} although the estimate fit: the files
   * need more than all there is, root's reserve included, so the need is taken as at least that.
   */
  NoRoomException noRoom(FileTree tree, Ext4 fs, DiskSpec spec, boolean root) throws IOException {
    Ext4Space free = free(fs);
    Ext4Space estimate = Ext4Space.of(tree);
    long beyondReserve = free.blocks() + free.blocks() / 19 + 1; // the 5% reserve is 1/19 of free
    return noRoom(
        new Ext4Space(Math.max(estimate.blocks(), beyondReserve), estimate.inodes()),
        free,
        fs,
        spec,
        root);
  }

  private NoRoomException noRoom(
      Ext4Space need, Ext4Space free, Ext4 fs, DiskSpec spec, boolean root) throws IOException {
    long suggested = suggest(need.plus(HEADROOM), free, fs, spec, root);
    String what = root ? "root filesystem" : "/boot filesystem";
    String setting = root ? "size" : "boot_partition_size";
    return new NoRoomException(
        String.format(
            Locale.ROOT,
            "the files of the %s need about %d MiB and %d inodes, but the %s partition of this"
                + " %d MiB disk has room for %d MiB and %d inodes. Set %s = \"%dM\" or more%s"
                + " (that leaves %d%% to grow in)",
            what,
            (need.bytes() + MIB - 1) / MIB,
            need.inodes(),
            root ? "root" : "/boot",
            spec.size() / MIB,
            free.bytes() / MIB,
            free.inodes(),
            setting,
            suggested / MIB,
            root ? "" : ", and size by as much, so the root keeps its room",
            HEADROOM),
        setting,
        suggested);
  }

  /**
   * The smallest disk size (root) or /boot size, in whole 64 MiB, whose filesystem holds {@code
   * want}: first scaled from the room the current one has, then checked and grown until it fits.
   */
  private long suggest(Ext4Space want, Ext4Space free, Ext4 fs, DiskSpec spec, boolean root)
      throws IOException {
    double scale =
        Math.max(
            (double) want.blocks() / Math.max(1, free.blocks()),
            (double) want.inodes() / Math.max(1, free.inodes()));
    long current = root ? spec.size() : spec.bootSize();
    long candidate = roundUp(current + (long) (fs.size() * (scale - 1)));
    candidate = Math.max(candidate, roundUp(current + 1)); // what is there does not do
    for (int i = 0; i < 20 && !fits(want, fs, spec, root, candidate); i++) {
      candidate = roundUp(candidate + Math.max(STEP, candidate / 20));
    }
    // The scaled guess errs high (metadata grows slower than the disk): step back while it fits.
    while (candidate - STEP > current && fits(want, fs, spec, root, candidate - STEP)) {
      candidate -= STEP;
    }
    return candidate;
  }

  /** Whether a disk (root) or /boot of {@code candidate} bytes holds {@code want}. */
  private boolean fits(Ext4Space want, Ext4 fs, DiskSpec spec, boolean root, long candidate)
      throws IOException {
    long size = partitionSize(spec, root, candidate);
    return want.fitsIn(free(new Ext4(fs.uuid(), fs.label(), 0, size, fs.epoch())));
  }

  /**
   * The partition's size on a disk (root) or with a /boot (the disk grown as much) of this size.
   */
  private static long partitionSize(DiskSpec spec, boolean root, long candidate) {
    DiskSpec s =
        root
            ? spec.withSize(candidate)
            : spec.withSize(spec.size() + candidate - spec.bootSize()).withBootSize(candidate);
    DiskLayout l = DiskLayout.plan(s);
    return root ? l.root().size() : l.boot().orElseThrow().size();
  }

  private static long roundUp(long bytes) {
    return (bytes + STEP - 1) / STEP * STEP;
  }

  /** What an empty {@code fs} has free, from an empty copy of it in a sparse scratch file. */
  private Ext4Space free(Ext4 fs) throws IOException {
    Path probe = work.resolve("room-probe.img");
    Files.deleteIfExists(probe);
    try {
      try (FileChannel ch =
          FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.allocate(1), fs.size() - 1);
      }
      tools.run(fs.mke2fsEmpty(probe), null, fs.env());
      List<String> out = tools.run(List.of("dumpe2fs", "-h", probe.toString()));
      try {
        return Ext4Space.parseFree(out);
      } catch (IllegalArgumentException e) {
        throw new DiskException("cannot read the free space of a new ext4 filesystem: " + e);
      }
    } finally {
      Files.deleteIfExists(probe);
    }
  }
}
