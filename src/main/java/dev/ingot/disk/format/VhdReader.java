package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads fixed and dynamic VHDs (differencing disks are refused). The size is the footer's, read as
 * QEMU reads it ({@link VhdFooter#diskSize}); a footer whose checksum is wrong is refused.
 * Thread-safe.
 */
public final class VhdReader implements DiskReader {
  private final ImageFile file;
  private final Path path;
  private final long size;
  private final boolean fixed;
  private final int[] bat;
  private final int blockSize;

  private VhdReader(ImageFile file, long size, boolean fixed, int[] bat, int blockSize) {
    this.file = file;
    this.path = file.path();
    this.size = size;
    this.fixed = fixed;
    this.bat = bat;
    this.blockSize = blockSize;
  }

  static boolean isFooter(ByteBuffer b) {
    return b.limit() >= 8
        && new String(b.array(), b.arrayOffset(), 8, StandardCharsets.US_ASCII).equals("conectix");
  }

  /**
   * Whether {@code tail}, the last sector of a file of {@code length} bytes with no footer copy at
   * its start, is the footer of a fixed VHD of that file: its checksum matches and its size is the
   * rest of the file. A raw disk's guest writes its last sector, and one holding a footer copied
   * from elsewhere made Ingot read the disk as a smaller VHD (qemu-img probes offset 0 only).
   */
  static boolean isFixedFooterOf(ByteBuffer tail, long length) {
    return isFooter(tail)
        && checksumProblem(tail) == null
        && tail.getInt(60) == VhdFooter.TYPE_FIXED
        && tail.getLong(48) == length - 512;
  }

  public static VhdReader open(Path path) throws IOException {
    ImageFile file = ImageFile.open(path);
    try {
      long len = file.size();
      if (len < 512) {
        throw file.fail("too short to be a VHD");
      }
      ByteBuffer f = footer(file, len);
      long size = VhdFooter.diskSize(f);
      if (size < 0) {
        throw file.fail("VHD size " + size + " is out of range");
      }
      int type = f.getInt(60);
      if (type == VhdFooter.TYPE_FIXED) {
        if (size > len - 512) {
          throw file.fail("fixed VHD is shorter than its size field");
        }
        return new VhdReader(file, size, true, null, 0);
      }
      if (type != VhdFooter.TYPE_DYNAMIC) {
        throw file.fail("VHD disk type " + type + " is not supported (only fixed and dynamic)");
      }
      ByteBuffer dh = file.readBe(f.getLong(16), 1024, "VHD dynamic header");
      if (!new String(dh.array(), 0, 8, StandardCharsets.US_ASCII).equals("cxsparse")) {
        throw file.fail("VHD dynamic header is missing");
      }
      if (!VhdFooter.checksumHolds(dh.array(), 36)) {
        throw file.fail("VHD dynamic header checksum does not match: the header is damaged");
      }
      long batOffset = dh.getLong(16);
      int entries = dh.getInt(28);
      int blockSize = dh.getInt(32);
      if (blockSize < 512
          || Integer.bitCount(blockSize) != 1
          || entries < 0
          || (long) entries * blockSize < size) {
        throw file.fail("bad VHD block table geometry");
      }
      // Only the entries of the disk's blocks are read; a header may say more, but a table sized
      // from it took up to 8 GiB of memory before anything was read. They must lie in the file.
      long needed = Blocks.ceilDiv(size, blockSize);
      if (needed > MAX_BLOCKS) {
        throw file.fail(
            "VHD block table of "
                + needed
                + " entries is larger than Ingot reads (a VHD holds at most 2040 GiB)");
      }
      entries = (int) needed;
      ByteBuffer b = file.readBe(batOffset, entries * 4, "VHD block table");
      int[] bat = new int[entries];
      b.asIntBuffer().get(bat);
      return new VhdReader(file, size, false, bat, blockSize);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * The footer at the end, or the copy a dynamic disk keeps at its start when the footer is missing
   * or damaged (the copy is there for that). A footer whose checksum does not match is refused, as
   * QEMU refuses it: nothing in it can be trusted.
   */
  private static ByteBuffer footer(ImageFile file, long len) throws IOException {
    ByteBuffer end = file.readBe(len - 512, 512, "VHD footer");
    String damaged = isFooter(end) ? checksumProblem(end) : null;
    ByteBuffer copy = file.readBe(0, 512, "VHD footer copy");
    if (isFooter(end) && damaged == null) {
      // QEMU reads a dynamic disk by the copy, other readers by the footer: they must agree.
      if (isFooter(copy)
          && checksumProblem(copy) == null
          && (copy.getLong(48) != end.getLong(48) || copy.getInt(60) != end.getInt(60))) {
        throw file.fail(
            "the VHD footer (size "
                + end.getLong(48)
                + ") and its copy at the start (size "
                + copy.getLong(48)
                + ") disagree: the image is damaged");
      }
      return end;
    }
    if (isFooter(copy) && checksumProblem(copy) == null) {
      return copy;
    }
    if (damaged == null && !isFooter(copy)) {
      throw file.fail("not a VHD (no conectix footer)");
    }
    throw file.fail(damaged != null ? damaged : checksumProblem(copy));
  }

  /** What is wrong with a footer's checksum, or null when it matches. */
  private static String checksumProblem(ByteBuffer f) {
    if (VhdFooter.checksumHolds(f.array(), VhdFooter.CHECKSUM_AT)) {
      return null;
    }
    return String.format(
        "VHD footer checksum is %08x but its bytes sum to %08x: the footer is damaged",
        f.getInt(VhdFooter.CHECKSUM_AT),
        VhdFooter.expectedChecksum(f.array(), VhdFooter.CHECKSUM_AT));
  }

  // 2^26 blocks: 128 TiB in 2 MiB blocks, far above the format's 2040 GiB; a 256 MiB table.
  private static final long MAX_BLOCKS = 1L << 26;

  private int bitmapBytes() {
    return (int) Blocks.alignUp(blockSize / 512 / 8, 512);
  }

  @Override
  public DiskFormat format() {
    return DiskFormat.VHD;
  }

  @Override
  public long virtualSize() {
    return size;
  }

  @Override
  public Extents allocated() {
    if (fixed) {
      return Extents.all(size);
    }
    Extents.Builder b = new Extents.Builder();
    for (int i = 0; i < bat.length; i++) {
      if (bat[i] != -1) {
        b.add((long) i * blockSize, Math.min(size, (long) (i + 1) * blockSize));
      }
    }
    return b.build();
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    if (fixed) {
      Blocks.readFully(file.channel(), 0, size, offset, dst);
      return;
    }
    while (dst.hasRemaining()) {
      int blk = (int) (offset / blockSize);
      int in = (int) (offset % blockSize);
      int n = Math.min(dst.remaining(), blockSize - in);
      ByteBuffer part = dst.slice(dst.position(), n);
      if (offset >= size || bat[blk] == -1) {
        Blocks.zero(part);
      } else {
        // Every sector of a block we read is taken as present; writers mark all of them so.
        long at = (bat[blk] & 0xffffffffL) * 512 + bitmapBytes() + in;
        file.readAt(at, part, "data of VHD block " + blk);
      }
      dst.position(dst.position() + n);
      offset += n;
    }
  }

  @Override
  public DiskInfo info() throws IOException {
    return new DiskInfo(
        DiskFormat.VHD,
        size,
        file.size(),
        fixed ? 0 : blockSize,
        fixed ? "fixed" : "dynamic",
        Map.of("subformat", fixed ? "fixed" : "dynamic"));
  }

  @Override
  public java.util.List<Path> files() {
    return java.util.List.of(path);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
