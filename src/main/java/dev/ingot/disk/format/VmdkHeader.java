package dev.ingot.disk.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 512-byte SparseExtentHeader of a hosted sparse VMDK (VMware Virtual Disk Format 5.0, section
 * "Hosted Sparse Extent Header"). Sizes and offsets are in 512-byte sectors. A footer is the same
 * structure with {@code gdOffset} filled in. Immutable.
 */
record VmdkHeader(
    int version,
    int flags,
    long capacity,
    long grainSize,
    long descriptorOffset,
    long descriptorSize,
    int numGtesPerGt,
    long rgdOffset,
    long gdOffset,
    long overHead,
    int compressAlgorithm) {
  static final int MAGIC = 0x564d444b; // "KDMV" little-endian
  static final long GD_AT_END = -1L;
  static final int FLAG_NL_TEST = 1;
  static final int FLAG_REDUNDANT_GT = 1 << 1;
  static final int FLAG_ZERO_GTE = 1 << 2;
  static final int FLAG_COMPRESSED = 1 << 16;
  static final int FLAG_MARKERS = 1 << 17;
  static final int COMPRESS_DEFLATE = 1;

  VmdkHeader withGdOffset(long gd) {
    return new VmdkHeader(
        version,
        flags,
        capacity,
        grainSize,
        descriptorOffset,
        descriptorSize,
        numGtesPerGt,
        rgdOffset,
        gd,
        overHead,
        compressAlgorithm);
  }

  boolean compressed() {
    return (flags & FLAG_COMPRESSED) != 0;
  }

  boolean markers() {
    return (flags & FLAG_MARKERS) != 0;
  }

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putInt(version).putInt(flags).putLong(capacity).putLong(grainSize);
    b.putLong(descriptorOffset).putLong(descriptorSize).putInt(numGtesPerGt);
    b.putLong(rgdOffset).putLong(gdOffset).putLong(overHead);
    b.put((byte) 0); // uncleanShutdown
    // The newline-detection characters let readers notice a file mangled by a text transfer.
    b.put((byte) '\n').put((byte) ' ').put((byte) '\r').put((byte) '\n');
    b.putShort((short) compressAlgorithm);
    return b.array();
  }

  static VmdkHeader decode(ByteBuffer b) throws DiskFormatException {
    b.order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != MAGIC) {
      throw new DiskFormatException("not a sparse VMDK (no KDMV magic)");
    }
    VmdkHeader h =
        new VmdkHeader(
            b.getInt(4),
            b.getInt(8),
            b.getLong(12),
            b.getLong(20),
            b.getLong(28),
            b.getLong(36),
            b.getInt(44),
            b.getLong(48),
            b.getLong(56),
            b.getLong(64),
            b.getShort(77) & 0xffff);
    if (h.version < 1 || h.version > 3) {
      throw new DiskFormatException("unsupported VMDK version " + h.version);
    }
    if (h.grainSize < 1 || h.grainSize > 1 << 16 || Long.bitCount(h.grainSize) != 1) {
      throw new DiskFormatException("bad VMDK grain size " + h.grainSize);
    }
    // VMware writes 512 and QEMU refuses more; a large value only costs memory per table.
    if (h.numGtesPerGt < 1 || h.numGtesPerGt > 512) {
      throw new DiskFormatException(
          "bad VMDK grain table size " + h.numGtesPerGt + " (numGTEsPerGT is 1 to 512)");
    }
    if (h.compressed() && h.compressAlgorithm != COMPRESS_DEFLATE) {
      throw new DiskFormatException("unsupported VMDK compression " + h.compressAlgorithm);
    }
    return h;
  }

  /** A 512-byte metadata marker: {@code val} sectors of metadata of {@code type} follow. */
  static byte[] marker(long val, int type) {
    ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(val).putInt(0).putInt(type);
    return b.array();
  }

  static final int MARKER_EOS = 0;
  static final int MARKER_GT = 1;
  static final int MARKER_GD = 2;
  static final int MARKER_FOOTER = 3;
}
