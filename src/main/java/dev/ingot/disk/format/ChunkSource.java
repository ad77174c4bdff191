package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Splits a source disk into fixed-size chunks for a pipeline and reads one only when it may hold
 * data. Thread-safe (reads are positional).
 */
final class ChunkSource {
  private final DiskReader src;
  private final Extents allocated;
  private final int chunkSize;

  ChunkSource(DiskReader src, int chunkSize) throws IOException {
    this.src = src;
    this.allocated = src.allocated();
    this.chunkSize = chunkSize;
  }

  long virtualSize() {
    return src.virtualSize();
  }

  int chunkSize() {
    return chunkSize;
  }

  long chunks() {
    return Blocks.ceilDiv(src.virtualSize(), chunkSize);
  }

  long offset(long chunk) {
    return chunk * chunkSize;
  }

  /** Bytes of the chunk inside the disk (the last one may be short). */
  int length(long chunk) {
    return (int) Math.min(chunkSize, src.virtualSize() - offset(chunk));
  }

  /**
   * Reads the chunk into {@code buf} (cleared; on return position 0, limit {@code chunkSize} with
   * zeros past the disk's end) and returns true, or returns false without reading when no byte of
   * it is allocated.
   */
  boolean read(long chunk, ByteBuffer buf) throws IOException {
    long off = offset(chunk);
    int len = length(chunk);
    if (!allocated.intersects(off, off + len)) {
      return false;
    }
    buf.clear().limit(chunkSize);
    src.read(off, buf.slice(0, chunkSize));
    return true;
  }
}
