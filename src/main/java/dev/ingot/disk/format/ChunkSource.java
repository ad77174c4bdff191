package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Splits a source disk into fixed-size chunks for a pipeline and reads one only when it may hold
 * data; a raw source is looked at through a memory map instead of being copied. Thread-safe (reads
 * are positional).
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

  /**
   * The first chunk at or after {@code chunk} that holds an allocated byte of the source, or {@link
   * #chunks()} when none does: the chunks between read as zeros.
   */
  long nextAllocated(long chunk) {
    return next(allocated, chunk);
  }

  /** As {@link #nextAllocated}, for the chunks that meet {@code extents}. */
  long next(Extents extents, long chunk) {
    long at = extents.firstAtOrAfter(offset(chunk));
    return at < 0 || at >= virtualSize() ? chunks() : Math.max(chunk, at / chunkSize);
  }

  /** Bytes of the chunk inside the disk (the last one may be short). */
  int length(long chunk) {
    return (int) Math.min(chunkSize, src.virtualSize() - offset(chunk));
  }

  /**
   * The chunk's bytes (position 0, limit {@code chunkSize}, zeros past the disk's end), or null
   * without reading when no byte of it is allocated. A full chunk of a raw source is a read-only
   * view of the file; otherwise it is read into the buffer {@code scratch} supplies. The caller
   * tells which by comparing with that buffer.
   */
  ByteBuffer bytes(long chunk, Supplier<ByteBuffer> scratch) throws IOException {
    long off = offset(chunk);
    int len = length(chunk);
    if (!allocated.intersects(off, off + len)) {
      return null;
    }
    if (len == chunkSize && src instanceof RawReader raw) {
      ByteBuffer v = raw.view(off, len);
      if (v != null) {
        return v;
      }
    }
    ByteBuffer buf = scratch.get();
    buf.clear().limit(chunkSize);
    src.read(off, buf.slice(0, chunkSize));
    return buf;
  }
}
