package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads fixed and dynamic VHDs (differencing disks are refused). The size is the footer's current
 * size. Thread-safe.
 */
public final class VhdReader implements DiskReader {
  private final FileChannel ch;
  private final Path path;
  private final long size;
  private final boolean fixed;
  private final int[] bat;
  private final int blockSize;

  private VhdReader(FileChannel ch, Path path, long size, boolean fixed, int[] bat, int blockSize) {
    this.ch = ch;
    this.path = path;
    this.size = size;
    this.fixed = fixed;
    this.bat = bat;
    this.blockSize = blockSize;
  }

  static boolean isFooter(ByteBuffer b) {
    return b.limit() >= 8
        && new String(b.array(), b.arrayOffset(), 8, StandardCharsets.US_ASCII).equals("conectix");
  }

  public static VhdReader open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path);
    try {
      long len = ch.size();
      if (len < 512) {
        throw new DiskFormatException(path + ": too short to be a VHD");
      }
      ByteBuffer f = Blocks.readBe(ch, len - 512, 512);
      if (!isFooter(f)) {
        f = Blocks.readBe(ch, 0, 512);
        if (!isFooter(f)) {
          throw new DiskFormatException(path + ": not a VHD (no conectix footer)");
        }
      }
      long size = f.getLong(48);
      int type = f.getInt(60);
      if (type == VhdFooter.TYPE_FIXED) {
        if (size > len - 512) {
          throw new DiskFormatException(path + ": fixed VHD is shorter than its size field");
        }
        return new VhdReader(ch, path, size, true, null, 0);
      }
      if (type != VhdFooter.TYPE_DYNAMIC) {
        throw new DiskFormatException(
            path + ": VHD disk type " + type + " is not supported (only fixed and dynamic)");
      }
      ByteBuffer dh = Blocks.readBe(ch, f.getLong(16), 1024);
      if (!new String(dh.array(), 0, 8, StandardCharsets.US_ASCII).equals("cxsparse")) {
        throw new DiskFormatException(path + ": VHD dynamic header is missing");
      }
      long batOffset = dh.getLong(16);
      int entries = dh.getInt(28);
      int blockSize = dh.getInt(32);
      if (blockSize < 512
          || Integer.bitCount(blockSize) != 1
          || size < 0
          || entries < 0
          || (long) entries * blockSize < size) {
        throw new DiskFormatException(path + ": bad VHD block table geometry");
      }
      // Only the entries of the disk's blocks are read; a header may say more, but a table sized
      // from it took up to 8 GiB of memory before anything was read. They must lie in the file.
      long needed = Blocks.ceilDiv(size, blockSize);
      if (needed > MAX_BLOCKS || batOffset < 0 || batOffset + needed * 4 > ch.size()) {
        throw new DiskFormatException(
            path
                + ": VHD block table of "
                + needed
                + " entries at byte "
                + batOffset
                + (needed > MAX_BLOCKS
                    ? " is larger than Ingot reads (a VHD holds at most 2040 GiB)"
                    : " lies past the end of the file (" + ch.size() + " bytes)"));
      }
      entries = (int) needed;
      ByteBuffer b = Blocks.readBe(ch, batOffset, entries * 4);
      int[] bat = new int[entries];
      b.asIntBuffer().get(bat);
      return new VhdReader(ch, path, size, false, bat, blockSize);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
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
      Blocks.readFully(ch, 0, size, offset, dst);
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
        Blocks.readAt(ch, (bat[blk] & 0xffffffffL) * 512 + bitmapBytes() + in, part);
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
        ch.size(),
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
    ch.close();
  }
}
