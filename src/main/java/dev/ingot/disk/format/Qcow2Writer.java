package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.Deflater;

/**
 * Writes a qcow2 version 3 image in one forward pass: data clusters in ascending guest order from
 * cluster 1 (zero clusters are left unallocated), then the L2 tables, the L1 table and the refcount
 * structures, and the header last into cluster 0. With compression each cluster is a raw deflate
 * stream (compression type zlib) or a zstd frame (compression type zstd), packed byte by byte as
 * QEMU packs them, and stored uncompressed when compression does not make it smaller. Clusters are
 * read, tested and compressed on all threads. Not thread-safe; one instance per output.
 */
final class Qcow2Writer {
  private final WriteOptions.Qcow2 opts;
  private final WriteJob job;
  private final int cs;
  private final int chunk;
  private final ThreadLocal<Deflater> deflaters;
  // Per-thread output buffers; zstd writes into direct ones (the clusters are direct too).
  private final ThreadLocal<byte[]> deflateBuffers;
  private final ThreadLocal<ByteBuffer> zstdBuffers;

  Qcow2Writer(WriteOptions.Qcow2 opts, WriteJob job) {
    this.opts = opts;
    this.job = job;
    this.cs = opts.clusterSize();
    this.chunk = Math.max(cs, 1 << 20);
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(opts.level(), true));
    this.deflateBuffers = ThreadLocal.withInitial(() -> new byte[cs]);
    this.zstdBuffers =
        ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect((int) com.github.luben.zstd.Zstd.compressBound(cs)));
  }

  /** A scanned chunk plus, when compressing, the compressed bytes of each non-zero cluster. */
  private record Out(PlainChunks.Result plain, byte[][] compressed) {}

  void write(DiskReader src, FileChannel out) throws IOException {
    long size = src.virtualSize();
    Qcow2Layout layout = new Qcow2Layout(cs, size, opts.zstd());
    PlainChunks pc = new PlainChunks(new ChunkSource(src, chunk), cs, false);
    long[] l2 = new long[(int) layout.guestClusters()];
    long[] pos = {cs};
    int perChunk = pc.blocksPerChunk();
    try (WriteBehind writes = new WriteBehind(out, job.threads())) {
      write(pc, layout, l2, pos, perChunk, writes);
    }
    layout.finish(out, l2, Blocks.alignUp(pos[0], cs));
  }

  private void write(
      PlainChunks pc, Qcow2Layout layout, long[] l2, long[] pos, int perChunk, WriteBehind writes)
      throws IOException {
    OrderedPipeline.run(
        job,
        pc.source(),
        c -> {
          PlainChunks.Result r = pc.scan(c);
          return new Out(r, opts.compress() && !r.empty() ? compress(pc, r) : null);
        },
        (c, o) -> {
          if (o.plain().empty()) {
            return;
          }
          boolean[] nz = o.plain().nonZero();
          // The chunk's buffer goes back to the pool when its last write is done.
          java.util.concurrent.atomic.AtomicInteger left =
              new java.util.concurrent.atomic.AtomicInteger(1);
          Runnable done =
              () -> {
                if (left.decrementAndGet() == 0) {
                  pc.release(o.plain());
                }
              };
          byte[][] z = o.compressed();
          for (int b = 0; b < nz.length; ) {
            if (!nz[b]) {
              b++;
              continue;
            }
            left.incrementAndGet();
            if (z != null && z[b] != null) {
              l2[(int) (c * perChunk + b)] = layout.compressedEntry(pos[0], z[b].length);
              writes.write(pos[0], ByteBuffer.wrap(z[b]), done);
              pos[0] += z[b].length;
              b++;
              continue;
            }
            // A run of clusters stored as they are goes out in one write.
            int e = b + 1;
            while (e < nz.length && nz[e] && (z == null || z[e] == null)) {
              e++;
            }
            pos[0] = Blocks.alignUp(pos[0], cs);
            for (int k = b; k < e; k++) {
              l2[(int) (c * perChunk + k)] = (pos[0] + (long) (k - b) * cs) | Qcow2Layout.COPIED;
            }
            writes.write(pos[0], o.plain().data().slice(b * cs, (e - b) * cs), done);
            pos[0] += (long) (e - b) * cs;
            b = e;
          }
          done.run();
        });
  }

  /** Compressed bytes per cluster, or null where compression does not make it smaller. */
  private byte[][] compress(PlainChunks pc, PlainChunks.Result r) {
    boolean[] nz = r.nonZero();
    byte[][] out = new byte[nz.length][];
    for (int b = 0; b < nz.length; b++) {
      if (nz[b]) {
        out[b] = opts.zstd() ? zstd(pc.block(r, b)) : deflate(pc.block(r, b));
      }
    }
    return out;
  }

  /** A raw deflate stream of the cluster, or null when it is not smaller. */
  private byte[] deflate(ByteBuffer cluster) {
    Deflater d = deflaters.get();
    byte[] buf = deflateBuffers.get();
    d.reset();
    d.setInput(cluster);
    d.finish();
    int n = 0;
    while (!d.finished() && n < buf.length) {
      n += d.deflate(buf, n, buf.length - n);
    }
    return d.finished() && n < cs ? java.util.Arrays.copyOf(buf, n) : null;
  }

  /** One zstd frame of the cluster, as QEMU writes them, or null when it is not smaller. */
  private byte[] zstd(ByteBuffer cluster) {
    ByteBuffer dst = zstdBuffers.get().clear();
    int n = com.github.luben.zstd.Zstd.compress(dst, cluster, opts.level());
    if (n >= cs) {
      return null;
    }
    byte[] out = new byte[n];
    dst.get(0, out);
    return out;
  }
}
