package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;

/**
 * The worker side of the uncompressed writers: reads a chunk and finds which of its blocks are not
 * all zeros, so the writer stores only those. Chunk buffers are recycled through a pool bounded by
 * the pipeline's window. Thread-safe.
 */
final class PlainChunks {
  /**
   * One scanned chunk; {@code data} is null when the chunk is all zeros, and {@code pooled} when it
   * is a buffer of the pool (not a view of the source).
   */
  record Result(ByteBuffer data, boolean[] nonZero, int crc, boolean pooled) {
    boolean empty() {
      return data == null;
    }
  }

  private final ChunkSource cs;
  private final int blockSize;
  private final ConcurrentLinkedQueue<ByteBuffer> pool = new ConcurrentLinkedQueue<>();
  private final boolean checksum;

  PlainChunks(ChunkSource cs, int blockSize) {
    this(cs, blockSize, true);
  }

  /** {@code checksum}: whether results carry a CRC for a {@link ContentId} (costs a pass). */
  PlainChunks(ChunkSource cs, int blockSize, boolean checksum) {
    this.checksum = checksum;
    if (cs.chunkSize() % blockSize != 0) {
      throw new IllegalArgumentException("chunk size must be a multiple of the block size");
    }
    this.cs = cs;
    this.blockSize = blockSize;
  }

  ChunkSource source() {
    return cs;
  }

  int blockSize() {
    return blockSize;
  }

  int blocksPerChunk() {
    return cs.chunkSize() / blockSize;
  }

  /** The result of a chunk with nothing to store. */
  static final Result EMPTY = new Result(null, null, 0, false);

  private ByteBuffer pooledBuffer() {
    ByteBuffer buf = pool.poll();
    return buf != null ? buf : ByteBuffer.allocateDirect(cs.chunkSize());
  }

  Result scan(long chunk) throws IOException {
    ByteBuffer buf = cs.bytes(chunk, this::pooledBuffer);
    if (buf == null) {
      return EMPTY;
    }
    boolean pooled = !buf.isReadOnly(); // views of the source are read-only

    int len = cs.length(chunk);
    boolean[] nz = new boolean[blocksPerChunk()];
    boolean any = false;
    CRC32C crc = new CRC32C();
    for (int b = 0; b < nz.length && (long) b * blockSize < len; b++) {
      ByteBuffer block = buf.slice(b * blockSize, blockSize);
      if (!Blocks.isZero(block)) {
        nz[b] = true;
        any = true;
        if (checksum) {
          crc.update(b);
          crc.update(block);
        }
      }
    }
    if (!any) {
      if (pooled) {
        pool.add(buf);
      }
      return EMPTY;
    }
    return new Result(buf, nz, (int) crc.getValue(), pooled);
  }

  /** The bytes of block {@code b} of a scanned chunk (a view; valid until released). */
  ByteBuffer block(Result r, int b) {
    return r.data().slice(b * blockSize, blockSize);
  }

  /** Consumes the non-empty chunks in order, on the caller's thread. */
  interface Sink {
    void accept(long chunk, Result r) throws IOException;
  }

  /**
   * Scans every chunk on the job's threads and hands the non-empty ones to {@code sink} in order,
   * recycling their buffers afterwards. Returns the content id of what was seen, seeded with {@code
   * size}.
   */
  ContentId run(WriteJob job, long size, Sink sink) throws IOException {
    ContentId id = new ContentId();
    id.add(size);
    OrderedPipeline.run(
        job,
        cs,
        this::scan,
        (chunk, r) -> {
          if (r.empty()) {
            return;
          }
          try {
            sink.accept(chunk, r);
            id.add(chunk, r.crc());
          } finally {
            release(r);
          }
        },
        true);
    return id;
  }

  void release(Result r) {
    if (r.data() != null && r.pooled()) {
      pool.add(r.data());
    }
  }
}
