package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Writes a monolithicSparse VMDK (version 1, uncompressed 64 KiB grains, with the redundant grain
 * directory as VMware writes it): header, descriptor, redundant GD and GTs, GD and GTs, then the
 * non-zero grains in ascending order at grain-aligned offsets. Tables are filled in at the end. Not
 * thread-safe; one instance per output.
 */
final class VmdkSparseWriter {
  private static final int GRAIN = VmdkStreamWriter.GRAIN;
  private static final int GTES = VmdkStreamWriter.GTES;

  private final WriteOptions.Vmdk opts;
  private final WriteJob job;

  VmdkSparseWriter(WriteOptions.Vmdk opts, WriteJob job) {
    this.opts = opts;
    this.job = job;
  }

  void write(DiskReader src, FileChannel out) throws IOException {
    write(src, out, true);
  }

  /**
   * Writes {@code src} as one sparse extent; with {@code descriptor} false it has none embedded (an
   * extent of a split disk, whose descriptor is a file of its own). Returns the content id.
   */
  ContentId write(DiskReader src, FileChannel out, boolean descriptor) throws IOException {
    long capacity = Blocks.ceilDiv(src.virtualSize(), 512);
    long grains = Blocks.ceilDiv(capacity, GRAIN / 512);
    int tables = (int) Blocks.ceilDiv(grains, GTES);
    long gdSectors = Blocks.ceilDiv(tables * 4L, 512);
    long gtSectors = tables * (GTES * 4L / 512);
    long rgd = 1 + (descriptor ? VmdkDescriptor.SECTORS : 0);
    long gd = rgd + gdSectors + gtSectors;
    long overhead = Blocks.alignUp(gd + gdSectors + gtSectors, GRAIN / 512);
    int[] gte =
        new int
            [Blocks.tableLength(
                tables * (long) GTES,
                4,
                src.virtualSize(),
                "write a streamOptimized VMDK (its tables are written as it goes) or a qcow2")];
    PlainChunks pc = new PlainChunks(new ChunkSource(src, 1 << 20), GRAIN);
    long[] next = {overhead};
    int perChunk = pc.blocksPerChunk();
    ContentId id =
        pc.run(
            job,
            src.virtualSize(),
            (c, r) -> {
              for (int b = 0; b < perChunk; b++) {
                if (r.nonZero()[b]) {
                  gte[(int) (c * perChunk + b)] = (int) next[0];
                  Blocks.writeAt(out, next[0] * 512, pc.block(r, b));
                  next[0] += GRAIN / 512;
                }
              }
            });
    writeTables(out, rgd, tables, gdSectors, gte);
    writeTables(out, gd, tables, gdSectors, gte);
    VmdkHeader h =
        new VmdkHeader(
            1,
            VmdkHeader.FLAG_NL_TEST | VmdkHeader.FLAG_REDUNDANT_GT,
            capacity,
            GRAIN / 512,
            descriptor ? 1 : 0,
            descriptor ? VmdkDescriptor.SECTORS : 0,
            GTES,
            rgd,
            gd,
            overhead,
            0);
    Blocks.writeAt(out, 0, ByteBuffer.wrap(h.encode()));
    if (descriptor) {
      VmdkDescriptor d = VmdkDescriptor.of(id, capacity, job, opts);
      Blocks.writeAt(out, 512, ByteBuffer.wrap(d.encode()));
    }
    RawWriter.setLength(out, Math.max(next[0], overhead) * 512);
    return id;
  }

  /** Writes a GD at sector {@code at} followed by all GTs it points to. */
  private static void writeTables(FileChannel out, long at, int tables, long gdSectors, int[] gte)
      throws IOException {
    ByteBuffer dir = ByteBuffer.allocate((int) (gdSectors * 512)).order(ByteOrder.LITTLE_ENDIAN);
    long gtAt = at + gdSectors;
    for (int t = 0; t < tables; t++) {
      dir.putInt((int) (gtAt + t * (GTES * 4L / 512)));
    }
    Blocks.writeAt(out, at * 512, dir.clear());
    ByteBuffer gts = ByteBuffer.allocate(gte.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    gts.asIntBuffer().put(gte);
    Blocks.writeAt(out, gtAt * 512, gts.clear());
  }
}
