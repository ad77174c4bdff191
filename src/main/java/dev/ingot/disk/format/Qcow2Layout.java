package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The metadata of a qcow2 v3 image written by {@link Qcow2Writer}: given the L2 entries of every
 * guest cluster and the end of the data, places L2 tables, the L1 table, the refcount table and
 * refcount blocks (16-bit refcounts) after the data, counts references exactly as {@code qemu-img
 * check} does, and writes them with the header. All integers big-endian. Not thread-safe.
 */
final class Qcow2Layout {
  static final int MAGIC = 0x514649fb; // "QFI\xfb"
  static final long COPIED = 1L << 63;
  static final long COMPRESSED = 1L << 62;
  static final long OFFSET_MASK = 0x00fffffffffffe00L;

  /** L2 entry flag (v3): the cluster reads as zeros, not from the backing file. */
  static final long ZERO = 1L;

  /** Header extension: the backing file's format name. */
  static final int BACKING_FORMAT_EXTENSION = 0xE2792ACA;

  static final int HEADER_LENGTH = 112;

  private final int cs;
  private final int clusterBits;
  private final long size;
  private final int l2Entries;
  private final int csizeShift;
  private final boolean zstd;
  private final String backingFile;
  private final String backingFormat;

  Qcow2Layout(int clusterSize, long size) {
    this(clusterSize, size, false, null, null);
  }

  /**
   * {@code zstd}: compressed clusters are zstd frames (header compression type 1); {@code
   * backingFile} and its {@code backingFormat} (qemu-img's name) when this is an overlay, else
   * null.
   */
  Qcow2Layout(int clusterSize, long size, boolean zstd, String backingFile, String backingFormat) {
    this.zstd = zstd;
    this.backingFile = backingFile;
    this.backingFormat = backingFormat;
    this.cs = clusterSize;
    this.clusterBits = Integer.numberOfTrailingZeros(clusterSize);
    this.size = size;
    this.l2Entries = clusterSize / 8;
    this.csizeShift = 62 - (clusterBits - 8);
  }

  long guestClusters() {
    return Blocks.ceilDiv(size, cs);
  }

  int l1Size() {
    return (int) Blocks.ceilDiv(guestClusters(), l2Entries);
  }

  /** The L2 entry of compressed data of {@code len} bytes at host byte {@code offset}. */
  long compressedEntry(long offset, int len) {
    long sectors = ((offset + len - 1) >> 9) - (offset >> 9);
    return COMPRESSED | (sectors << csizeShift) | offset;
  }

  /** Writes L2 tables, L1, refcounts and the header; {@code dataEnd} is cluster-aligned. */
  void finish(FileChannel out, long[] l2, long dataEnd) throws IOException {
    int l1Size = l1Size();
    long[] l1 = new long[l1Size];
    long next = dataEnd;
    for (int i = 0; i < l1Size; i++) {
      if (anyEntry(l2, i)) {
        l1[i] = next | COPIED;
        next += cs;
      }
    }
    long l1Offset = next;
    long l1Clusters = Math.max(1, Blocks.ceilDiv(l1Size * 8L, cs));
    next += l1Clusters * cs;
    long metaStart = next / cs;
    long perBlock = cs / 2;
    long blocks = 0;
    long tableClusters = 0;
    long total;
    while (true) {
      total = metaStart + tableClusters + blocks;
      long needBlocks = Blocks.ceilDiv(total, perBlock);
      long needTable = Blocks.ceilDiv(needBlocks * 8, cs);
      if (needBlocks == blocks && needTable == tableClusters) {
        break;
      }
      blocks = needBlocks;
      tableClusters = needTable;
    }
    long rtOffset = metaStart * cs;
    long rbOffset = rtOffset + tableClusters * cs;
    short[] refs = refcounts(l2, l1, total, l1Offset, l1Clusters, metaStart);

    for (int i = 0; i < l1Size; i++) {
      if (l1[i] != 0) {
        ByteBuffer t = ByteBuffer.allocate(cs);
        int from = i * l2Entries;
        for (int j = 0; j < l2Entries && from + j < l2.length; j++) {
          t.putLong(j * 8, l2[from + j]);
        }
        Blocks.writeAt(out, l1[i] & OFFSET_MASK, t);
      }
    }
    ByteBuffer l1b = ByteBuffer.allocate((int) (l1Clusters * cs));
    for (int i = 0; i < l1Size; i++) {
      l1b.putLong(i * 8, l1[i]);
    }
    Blocks.writeAt(out, l1Offset, l1b);
    ByteBuffer rt = ByteBuffer.allocate((int) (tableClusters * cs));
    for (int i = 0; i < blocks; i++) {
      rt.putLong(i * 8, rbOffset + (long) i * cs);
    }
    Blocks.writeAt(out, rtOffset, rt);
    ByteBuffer rb = ByteBuffer.allocate((int) (blocks * cs));
    for (int i = 0; i < refs.length; i++) {
      rb.putShort(i * 2, refs[i]);
    }
    Blocks.writeAt(out, rbOffset, rb);
    Blocks.writeAt(out, 0, header(l1Size, l1Offset, rtOffset, (int) tableClusters));
  }

  private boolean anyEntry(long[] l2, int table) {
    int from = table * l2Entries;
    for (int j = from; j < Math.min(l2.length, from + l2Entries); j++) {
      if (l2[j] != 0) {
        return true;
      }
    }
    return false;
  }

  private short[] refcounts(
      long[] l2, long[] l1, long total, long l1Offset, long l1Clusters, long metaStart) {
    short[] refs = new short[(int) total];
    refs[0] = 1; // header
    long offsetMask = (1L << csizeShift) - 1;
    for (long e : l2) {
      if (e == 0) {
        continue;
      }
      if ((e & COMPRESSED) != 0) {
        long off = e & offsetMask;
        long sectors = ((e >> csizeShift) & ((1L << (clusterBits - 8)) - 1)) + 1;
        long first = (off & ~511L) / cs;
        long last = ((off & ~511L) + sectors * 512 - 1) / cs;
        for (long c = first; c <= last; c++) {
          refs[(int) c]++;
        }
      } else if ((e & OFFSET_MASK) != 0) { // a zero-flag entry has no host cluster
        refs[(int) ((e & OFFSET_MASK) / cs)]++;
      }
    }
    for (long e : l1) {
      if (e != 0) {
        refs[(int) ((e & OFFSET_MASK) / cs)]++;
      }
    }
    for (long c = 0; c < l1Clusters; c++) {
      refs[(int) (l1Offset / cs + c)]++;
    }
    for (long c = metaStart; c < total; c++) {
      refs[(int) c]++;
    }
    return refs;
  }

  private ByteBuffer header(int l1Size, long l1Offset, long rtOffset, int rtClusters) {
    ByteBuffer h = ByteBuffer.allocate(cs);
    h.putInt(MAGIC).putInt(3); // version 3
    byte[] name =
        backingFile == null
            ? new byte[0]
            : backingFile.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] fmt =
        backingFormat == null
            ? new byte[0]
            : backingFormat.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // Extensions follow the header (each padded to 8 bytes, then an end marker of 8 zero bytes);
    // the backing file's name comes after them, as QEMU lays them out.
    int nameAt = HEADER_LENGTH + (fmt.length > 0 ? 8 + (int) Blocks.alignUp(fmt.length, 8) : 0) + 8;
    if (nameAt + name.length > cs) {
      throw new IllegalArgumentException("the backing file name does not fit the header cluster");
    }
    h.putLong(name.length == 0 ? 0 : nameAt).putInt(name.length);
    h.putInt(clusterBits).putLong(size).putInt(0); // not encrypted
    h.putInt(l1Size).putLong(l1Offset).putLong(rtOffset).putInt(rtClusters);
    h.putInt(0).putLong(0); // no snapshots
    // Incompatible feature bit 3: a compression type other than zlib (a reader that does not
    // know the field must refuse the image); then compatible and autoclear features.
    h.putLong(zstd ? 8 : 0).putLong(0).putLong(0);
    h.putInt(4).putInt(HEADER_LENGTH); // refcount_order 4 = 16-bit refcounts
    // Compression type (0 zlib, 1 zstd); then padding and the end-of-extensions marker.
    h.put((byte) (zstd ? 1 : 0));
    if (fmt.length > 0) {
      h.putInt(HEADER_LENGTH, BACKING_FORMAT_EXTENSION).putInt(HEADER_LENGTH + 4, fmt.length);
      h.put(HEADER_LENGTH + 8, fmt);
    }
    h.put(nameAt, name);
    return h.clear();
  }
}
