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
 * read, tested and compressed on all threads. As an overlay of a backing image, a cluster whose
 * bytes equal the backing image's is left to it, and a zero cluster over backing data gets the zero
 * flag, so the overlay holds only what changed (qemu-img convert -B stores everything instead). Not
 * thread-safe; one instance per output.
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
  // The image this one is an overlay of (null: none), with where it has data and a per-thread
  // buffer to read it into.
  private final DiskReader base;
  private final Extents baseData;
  private final ThreadLocal<ByteBuffer> baseBuffers;

  Qcow2Writer(WriteOptions.Qcow2 opts, WriteJob job) throws IOException {
    this(opts, job, null);
  }

  /** {@code base}: the backing image {@code opts} names, opened, or null when there is none. */
  Qcow2Writer(WriteOptions.Qcow2 opts, WriteJob job, DiskReader base) throws IOException {
    this.opts = opts;
    this.job = job;
    this.base = base;
    this.baseData = base == null ? null : base.allocated();
    this.cs = opts.clusterSize();
    this.chunk = Math.max(cs, 1 << 20);
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(opts.level(), true));
    this.deflateBuffers = ThreadLocal.withInitial(() -> new byte[cs]);
    this.zstdBuffers =
        ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect((int) com.github.luben.zstd.Zstd.compressBound(cs)));
    this.baseBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(chunk));
  }

  /**
   * A scanned chunk (its non-zero clusters those to store), the clusters to flag as zeros over the
   * backing image (null: none) and, when compressing, the compressed bytes of each stored cluster.
   */
  private record Out(PlainChunks.Result plain, boolean[] zeroed, byte[][] compressed) {}

  void write(DiskReader src, FileChannel out) throws IOException {
    // qcow2 sizes are whole sectors to QEMU, which drops the rest of an unaligned header size (a
    // 513-byte disk read back as 512): rounded up, as qemu-img create rounds it.
    long size = Blocks.alignUp(src.virtualSize(), 512);
    Qcow2Layout layout =
        new Qcow2Layout(
            cs,
            size,
            opts.zstd(),
            opts.backingFile(),
            base == null ? null : base.format().qemuName());
    PlainChunks pc = new PlainChunks(new ChunkSource(src, chunk), cs, false);
    long[] l2 =
        new long
            [Blocks.tableLength(
                layout.guestClusters(),
                8,
                size,
                "use a larger cluster size, e.g. -o cluster_size=2M")];
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
          Out o = againstBase(pc, c, pc.scan(c));
          PlainChunks.Result r = o.plain();
          return opts.compress() && !r.empty() ? new Out(r, o.zeroed(), compress(pc, r)) : o;
        },
        (c, o) -> {
          if (o.zeroed() != null) {
            for (int b = 0; b < o.zeroed().length; b++) {
              if (o.zeroed()[b]) {
                l2[(int) (c * perChunk + b)] = Qcow2Layout.ZERO;
              }
            }
          }
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
        },
        // Over a backing image an empty chunk may still zero-flag the base's data: work it.
        base == null);
  }

  /**
   * Compares chunk {@code c} with the backing image: clusters equal to it are not stored, and zero
   * clusters where it has data get the zero flag. Without a backing image, the chunk as scanned.
   */
  private Out againstBase(PlainChunks pc, long c, PlainChunks.Result r) throws IOException {
    long at = c * chunk;
    int len = pc.source().length(c);
    if (base == null || !baseData.intersects(at, at + len)) {
      return new Out(r, null, null); // the base reads as zeros here: every data cluster differs
    }
    ByteBuffer b = baseBuffers.get();
    base.read(at, b.clear().limit(len));
    if (len < chunk) {
      Blocks.zero(b.clear().position(len)); // whole clusters are compared: zeros past the end
    }
    b.clear();
    boolean[] nz = r.empty() ? null : r.nonZero();
    int n = pc.blocksPerChunk();
    boolean[] store = new boolean[n];
    boolean[] zeroed = new boolean[n];
    boolean anyStore = false;
    boolean anyZeroed = false;
    for (int k = 0; k < n && (long) k * cs < len; k++) {
      ByteBuffer theirs = b.slice(k * cs, cs);
      if (nz == null || !nz[k]) {
        zeroed[k] = !Blocks.isZero(theirs);
        anyZeroed |= zeroed[k];
      } else if (pc.block(r, k).mismatch(theirs) >= 0) {
        store[k] = true;
        anyStore = true;
      }
    }
    PlainChunks.Result kept;
    if (anyStore) {
      kept = new PlainChunks.Result(r.data(), store, r.crc(), r.pooled());
    } else {
      pc.release(r);
      kept = PlainChunks.EMPTY;
    }
    return new Out(kept, anyZeroed ? zeroed : null, null);
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
