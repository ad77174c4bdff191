package dev.ingot.disk.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Small byte-level helpers shared by the readers and writers. Stateless; thread-safe. */
final class Blocks {
  private static final int ZERO_CHUNK = 1 << 16;
  // Never written: a reference of zeros for vectorized comparison.
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_CHUNK).asReadOnlyBuffer();

  private Blocks() {}

  /** True if every byte between position and limit is zero. Does not move the position. */
  static boolean isZero(ByteBuffer b) {
    int pos = b.position();
    int lim = b.limit();
    for (int p = pos; p < lim; p += ZERO_CHUNK) {
      int n = Math.min(ZERO_CHUNK, lim - p);
      if (b.slice(p, n).mismatch(ZEROS.slice(0, n)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Fills the remaining bytes of {@code b} with zeros and moves the position to the limit. */
  static void zero(ByteBuffer b) {
    while (b.hasRemaining()) {
      int n = Math.min(ZERO_CHUNK, b.remaining());
      b.put(ZEROS.slice(0, n));
    }
  }

  /**
   * Reads guest bytes {@code [offset, offset + dst.remaining())} of a window {@code [base, base +
   * size)} of {@code ch}; bytes past {@code size} read as zeros.
   */
  static void readFully(FileChannel ch, long base, long size, long offset, ByteBuffer dst)
      throws IOException {
    long avail = Math.max(0, size - offset);
    if (avail < dst.remaining()) {
      ByteBuffer head = dst.slice(dst.position(), (int) avail);
      readAt(ch, base + offset, head);
      dst.position(dst.position() + (int) avail);
      zero(dst);
      return;
    }
    readAt(ch, base + offset, dst);
  }

  /** Reads until {@code dst} is full; a short file is an error. */
  static void readAt(FileChannel ch, long pos, ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      int n = ch.read(dst, pos);
      if (n < 0) {
        throw new EOFException("unexpected end of file at byte " + pos);
      }
      pos += n;
    }
  }

  /** Reads {@code n} bytes at {@code pos} into a new little-endian heap buffer. */
  static ByteBuffer readLe(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    readAt(ch, pos, b);
    return b.flip();
  }

  /** Reads {@code n} bytes at {@code pos} into a new big-endian heap buffer. */
  static ByteBuffer readBe(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    readAt(ch, pos, b);
    return b.flip();
  }

  /** Writes all of {@code src} at {@code pos}. */
  static void writeAt(FileChannel ch, long pos, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      pos += ch.write(src, pos);
    }
  }

  /**
   * The length of an in-memory table of {@code entries} entries of {@code entryBytes} each (a qcow2
   * cluster map, VMDK grain tables), or a DiskFormatException saying what to change ({@code hint})
   * when it would not fit in an array or would take more than half the heap: a virtual size of many
   * terabytes at small clusters would otherwise fail with OutOfMemoryError.
   */
  static int tableLength(long entries, int entryBytes, long virtualSize, String hint)
      throws DiskFormatException {
    long bytes = entries * entryBytes;
    long heap = Runtime.getRuntime().maxMemory();
    if (entries > Integer.MAX_VALUE - 8 || bytes > heap / 2) {
      throw new DiskFormatException(
          String.format(
              "a virtual size of %s needs %s of tables in memory (Java's heap is %s): %s",
              Sizes.human(virtualSize), Sizes.human(bytes), Sizes.human(heap), hint));
    }
    return (int) entries;
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  static long alignUp(long a, long b) {
    return ceilDiv(a, b) * b;
  }
}
