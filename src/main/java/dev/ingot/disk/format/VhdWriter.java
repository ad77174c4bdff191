package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes a VHD. Fixed: the data, sparse, with the size rounded up to a whole MiB (Azure refuses
 * other sizes), then the footer. Dynamic: footer copy, dynamic header, block allocation table, the
 * non-zero 2 MiB blocks each with a full sector bitmap, and the footer. Not thread-safe.
 */
final class VhdWriter {
  static final int BLOCK = 2 << 20;
  static final long MAX_SIZE = 2040L << 30;

  private final WriteOptions.Vhd opts;
  private final WriteJob job;

  VhdWriter(WriteOptions.Vhd opts, WriteJob job) {
    this.opts = opts;
    this.job = job;
  }

  void write(DiskReader src, FileChannel out) throws IOException {
    long size = Blocks.alignUp(src.virtualSize(), 1 << 20);
    if (size > MAX_SIZE) {
      throw new DiskFormatException("VHD disks can be at most 2040 GiB, not " + size + " bytes");
    }
    if (opts.fixed()) {
      ContentId id = RawWriter.writeData(src, out, size, job);
      RawWriter.setLength(out, size);
      byte[] f = VhdFooter.encode(size, VhdFooter.TYPE_FIXED, -1, job.epochSeconds(), id.bytes16());
      Blocks.writeAt(out, size, ByteBuffer.wrap(f));
      return;
    }
    int entries = (int) Blocks.ceilDiv(size, BLOCK);
    long batOffset = 512 + 1024;
    long batBytes = Blocks.alignUp(entries * 4L, 512);
    int[] bat = new int[entries];
    java.util.Arrays.fill(bat, -1);
    long[] next = {batOffset + batBytes};
    byte[] bitmap = new byte[512];
    java.util.Arrays.fill(bitmap, (byte) 0xff);
    PlainChunks pc = new PlainChunks(new ChunkSource(src, BLOCK), BLOCK);
    ContentId id =
        pc.run(
            job,
            size,
            (c, r) -> {
              bat[(int) c] = (int) (next[0] / 512);
              Blocks.writeAt(out, next[0], ByteBuffer.wrap(bitmap));
              Blocks.writeAt(out, next[0] + 512, pc.block(r, 0));
              next[0] += 512 + BLOCK;
            });
    ByteBuffer b = ByteBuffer.allocate((int) batBytes);
    for (int e : bat) {
      b.putInt(e);
    }
    Blocks.writeAt(out, batOffset, b.clear());
    byte[] footer =
        VhdFooter.encode(size, VhdFooter.TYPE_DYNAMIC, 512, job.epochSeconds(), id.bytes16());
    Blocks.writeAt(out, 0, ByteBuffer.wrap(footer));
    Blocks.writeAt(out, 512, ByteBuffer.wrap(dynamicHeader(batOffset, entries)));
    Blocks.writeAt(out, next[0], ByteBuffer.wrap(footer));
  }

  private static byte[] dynamicHeader(long batOffset, int entries) {
    ByteBuffer h = ByteBuffer.allocate(1024);
    h.put("cxsparse".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.putLong(-1); // data offset: unused
    h.putLong(batOffset);
    h.putInt(0x00010000); // header version
    h.putInt(entries);
    h.putInt(BLOCK);
    int checksumAt = h.position();
    h.putInt(0);
    byte[] a = h.array();
    int sum = 0;
    for (byte x : a) {
      sum += x & 0xff;
    }
    h.putInt(checksumAt, ~sum);
    return a;
  }
}
