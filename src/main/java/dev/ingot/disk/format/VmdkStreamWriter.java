package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * Writes a streamOptimized VMDK (version 3, compressed grains with markers) in one forward pass:
 * header and descriptor, then each non-zero 64 KiB grain as a grain marker (LBA, size) with its
 * zlib stream, sector-padded, in ascending LBA order; after the grains of each grain table the GT
 * marker and table; at the end the GD marker and directory, the footer marker and footer, and the
 * end-of-stream marker, with no zero padding between the last grain and them. Grains are compressed
 * on all threads. Not thread-safe; one instance per output.
 */
final class VmdkStreamWriter {
  static final int GRAIN = 64 << 10;
  static final int GTES = 512;
  private static final int GRAINS_PER_CHUNK = 16;
  private static final int CHUNK = GRAIN * GRAINS_PER_CHUNK;
  private static final long OVERHEAD_SECTORS = 128;

  private final WriteOptions.Vmdk opts;
  private final WriteJob job;
  private final ThreadLocal<ByteBuffer> inBufs =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));
  private final ThreadLocal<Deflater> deflaters;

  VmdkStreamWriter(WriteOptions.Vmdk opts, WriteJob job) {
    this.opts = opts;
    this.job = job;
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(opts.level(), false));
  }

  /** Compressed grains of one chunk: bytes to append, and where each grain starts in them. */
  private record Run(byte[] bytes, int length, int[] grains, int[] sectors, int count, int crc) {}

  private static final Run EMPTY = new Run(new byte[0], 0, new int[0], new int[0], 0, 0);

  void write(DiskReader src, FileChannel out) throws IOException {
    ChunkSource cs = new ChunkSource(src, CHUNK);
    long capacity = Blocks.ceilDiv(src.virtualSize(), 512);
    long grains = Blocks.ceilDiv(capacity, GRAIN / 512);
    int tables = (int) Blocks.ceilDiv(grains, GTES);
    long[] gd = new long[tables];
    int[] gt = new int[GTES];
    ContentId id = new ContentId();
    id.add(src.virtualSize());
    long[] pos = {OVERHEAD_SECTORS * 512};
    int[] currentGt = {-1};
    boolean[] gtUsed = {false};

    OrderedPipeline.run(
        job,
        cs,
        chunk -> compress(cs, chunk),
        (chunk, run) -> {
          if (run.count == 0) {
            return;
          }
          int table = (int) (chunk * GRAINS_PER_CHUNK / GTES);
          if (table != currentGt[0]) {
            if (gtUsed[0]) {
              pos[0] = flushTable(out, pos[0], gt, gd, currentGt[0]);
            }
            currentGt[0] = table;
            java.util.Arrays.fill(gt, 0);
          }
          Blocks.writeAt(out, pos[0], ByteBuffer.wrap(run.bytes, 0, run.length));
          long base = pos[0] / 512;
          for (int i = 0; i < run.count; i++) {
            long grain = chunk * GRAINS_PER_CHUNK + run.grains[i];
            gt[(int) (grain % GTES)] = (int) (base + run.sectors[i]);
          }
          gtUsed[0] = true;
          id.add(chunk, run.crc);
          pos[0] += run.length;
        },
        true);
    long p = pos[0];
    if (gtUsed[0]) {
      p = flushTable(out, p, gt, gd, currentGt[0]);
    }
    int gdSectors = (int) Blocks.ceilDiv(tables * 4L, 512);
    Blocks.writeAt(out, p, ByteBuffer.wrap(VmdkHeader.marker(gdSectors, VmdkHeader.MARKER_GD)));
    long gdOffset = p / 512 + 1;
    ByteBuffer gdb = ByteBuffer.allocate(gdSectors * 512).order(ByteOrder.LITTLE_ENDIAN);
    for (long e : gd) {
      gdb.putInt((int) e);
    }
    Blocks.writeAt(out, gdOffset * 512, gdb.clear());
    p = (gdOffset + gdSectors) * 512;
    VmdkHeader header = header(capacity);
    Blocks.writeAt(out, p, ByteBuffer.wrap(VmdkHeader.marker(1, VmdkHeader.MARKER_FOOTER)));
    Blocks.writeAt(out, p + 512, ByteBuffer.wrap(header.withGdOffset(gdOffset).encode()));
    Blocks.writeAt(out, p + 1024, ByteBuffer.wrap(VmdkHeader.marker(0, VmdkHeader.MARKER_EOS)));
    Blocks.writeAt(out, 0, ByteBuffer.wrap(header.encode()));
    VmdkDescriptor d = VmdkDescriptor.of(id, capacity, job, opts);
    Blocks.writeAt(out, 512, ByteBuffer.wrap(d.encode()));
  }

  private VmdkHeader header(long capacity) {
    return new VmdkHeader(
        3,
        VmdkHeader.FLAG_NL_TEST | VmdkHeader.FLAG_COMPRESSED | VmdkHeader.FLAG_MARKERS,
        capacity,
        GRAIN / 512,
        1,
        VmdkDescriptor.SECTORS,
        GTES,
        0,
        VmdkHeader.GD_AT_END,
        OVERHEAD_SECTORS,
        VmdkHeader.COMPRESS_DEFLATE);
  }

  /** Writes the GT marker and table at {@code pos}; returns the position after them. */
  private static long flushTable(FileChannel out, long pos, int[] gt, long[] gd, int table)
      throws IOException {
    int sectors = GTES * 4 / 512;
    Blocks.writeAt(out, pos, ByteBuffer.wrap(VmdkHeader.marker(sectors, VmdkHeader.MARKER_GT)));
    ByteBuffer b = ByteBuffer.allocate(GTES * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int e : gt) {
      b.putInt(e);
    }
    Blocks.writeAt(out, pos + 512, b.clear());
    gd[table] = pos / 512 + 1;
    return pos + 512 + GTES * 4;
  }

  private Run compress(ChunkSource cs, long chunk) throws IOException {
    ByteBuffer in = cs.bytes(chunk, inBufs::get);
    if (in == null) {
      return EMPTY;
    }
    int len = cs.length(chunk);
    Deflater d = deflaters.get();
    CRC32C crc = new CRC32C();
    byte[] outBuf = new byte[CHUNK + CHUNK / 8];
    int[] grains = new int[GRAINS_PER_CHUNK];
    int[] sectors = new int[GRAINS_PER_CHUNK];
    int n = 0;
    int at = 0;
    for (int g = 0; g < GRAINS_PER_CHUNK && g * GRAIN < len; g++) {
      ByteBuffer grain = in.slice(g * GRAIN, GRAIN);
      if (Blocks.isZero(grain)) {
        continue;
      }
      crc.update(g);
      crc.update(grain.duplicate());
      long lba = (cs.offset(chunk) + (long) g * GRAIN) / 512;
      d.reset();
      d.setInput(grain);
      d.finish();
      int dataStart = at + 12;
      int end = dataStart;
      while (!d.finished()) {
        if (end == outBuf.length) {
          outBuf = java.util.Arrays.copyOf(outBuf, outBuf.length * 2);
        }
        end += d.deflate(outBuf, end, outBuf.length - end);
      }
      ByteBuffer m = ByteBuffer.wrap(outBuf, at, 12).order(ByteOrder.LITTLE_ENDIAN);
      m.putLong(lba).putInt(end - dataStart);
      int padded = (int) Blocks.alignUp(end, 512);
      if (padded > outBuf.length) {
        outBuf = java.util.Arrays.copyOf(outBuf, padded + CHUNK / 4);
      }
      java.util.Arrays.fill(outBuf, end, padded, (byte) 0);
      grains[n] = g;
      sectors[n] = at / 512;
      n++;
      at = padded;
    }
    return n == 0 ? EMPTY : new Run(outBuf, at, grains, sectors, n, (int) crc.getValue());
  }
}
