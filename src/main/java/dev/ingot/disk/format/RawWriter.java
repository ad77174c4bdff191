package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes a raw image, leaving holes where the source is zero, and optionally a trailer after the
 * data (the footer of a fixed VHD). Not thread-safe; one instance per output.
 */
final class RawWriter {
  private static final int CHUNK = 1 << 20;
  private static final int BLOCK = 4096;

  /** Writes {@code size} bytes of {@code src} (zero-extended) and returns their content id. */
  static ContentId writeData(DiskReader src, FileChannel out, long size, WriteJob job)
      throws IOException {
    return writeData(src, out, size, job, null);
  }

  /**
   * As {@link #writeData(DiskReader, FileChannel, long, WriteJob)}, into an output that is not
   * known to read as zeros where nothing is written (a block device, an existing file): the zero
   * areas of the image are written as zeros too where they meet {@code oldData}, the part of the
   * output that may hold something (all of a device; a file's data extents, so its holes stay
   * holes). Null: the output reads as zeros.
   */
  static ContentId writeData(
      DiskReader src, FileChannel out, long size, WriteJob job, Extents oldData)
      throws IOException {
    ByteBuffer zeros = oldData != null ? ByteBuffer.allocateDirect(CHUNK).asReadOnlyBuffer() : null;
    PlainChunks pc = new PlainChunks(new ChunkSource(src, CHUNK), BLOCK);
    ContentId id = new ContentId();
    id.add(size);
    // Offsets are fixed, so each worker writes its own chunk; only the content id is folded in
    // order.
    OrderedPipeline.runSkipping(
        job,
        pc.source(),
        chunk -> {
          PlainChunks.Result r = pc.scan(chunk);
          long base = pc.source().offset(chunk);
          if (zeros != null && oldData.intersects(base, base + CHUNK)) {
            writeZeros(out, base, size, r, zeros, oldData);
          }
          if (r.empty()) {
            return 0;
          }
          try {
            writeRuns(out, base, size, r);
          } finally {
            pc.release(r);
          }
          return r.crc();
        },
        (chunk, crc) -> {
          if (crc != 0) {
            id.add(chunk, crc);
          }
        },
        // An empty chunk needs no work unless it lies over old data to zero.
        c -> {
          long data = pc.source().nextAllocated(c);
          return zeros == null ? data : Math.min(data, pc.source().next(oldData, c));
        });
    return id;
  }

  /** Writes the runs of non-zero blocks of a scanned chunk that starts at {@code base}. */
  private static void writeRuns(FileChannel out, long base, long size, PlainChunks.Result r)
      throws IOException {
    writeRuns(out, base, size, r.nonZero(), true, (b, n) -> r.data().slice(b * BLOCK, n));
  }

  /**
   * Writes zeros over the blocks of a scanned chunk that are zero (all of an empty one) where the
   * output may hold old data.
   */
  private static void writeZeros(
      FileChannel out,
      long base,
      long size,
      PlainChunks.Result r,
      ByteBuffer zeros,
      Extents oldData)
      throws IOException {
    boolean[] nz = r.empty() ? new boolean[CHUNK / BLOCK] : r.nonZero().clone();
    for (int b = 0; b < nz.length; b++) {
      long at = base + (long) b * BLOCK;
      // A block the output has no data in reads as zeros already: treat it as written.
      nz[b] |= !oldData.intersects(at, at + BLOCK);
    }
    writeRuns(out, base, size, nz, false, (b, n) -> zeros.slice(0, n));
  }

  /**
   * Writes each run of the chunk's blocks (inside the disk) whose non-zero flag is {@code want},
   * taking a run's {@code n} bytes from block {@code b} on from {@code bytes}.
   */
  private static void writeRuns(
      FileChannel out,
      long base,
      long size,
      boolean[] nz,
      boolean want,
      java.util.function.BiFunction<Integer, Integer, ByteBuffer> bytes)
      throws IOException {
    int blocks = (int) Blocks.ceilDiv(Math.min(CHUNK, size - base), BLOCK);
    for (int b = 0; b < blocks; ) {
      if (nz[b] != want) {
        b++;
        continue;
      }
      int e = b;
      while (e < blocks && nz[e] == want) {
        e++;
      }
      long from = base + (long) b * BLOCK;
      int n = (int) Math.min((long) (e - b) * BLOCK, size - from);
      Blocks.writeAt(out, from, bytes.apply(b, n));
      b = e;
    }
  }

  static void write(DiskReader src, FileChannel out, WriteJob job) throws IOException {
    long size = src.virtualSize();
    // The length first: a size the file system cannot hold fails at once, not after the data.
    setLength(out, size);
    writeData(src, out, size, job);
  }

  /** Extends the file to {@code size} bytes (a hole when nothing was written there). */
  static void setLength(FileChannel out, long size) throws IOException {
    if (out.size() < size && size > 0) {
      out.write(ByteBuffer.allocate(1), size - 1);
    }
  }
}
