package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads qcow2 version 2 and 3 images: standard, zero and compressed clusters (zlib, or zstd as QEMU
 * 5.1+ writes them), and backing files (a chain of overlays, any format Ingot reads, a relative
 * name taken from the overlay's directory), so that convert flattens an overlay as qemu-img does.
 * Refuses encryption, external data files and extended L2 entries with a clear message. L2 tables
 * are loaded on first use and kept. Thread-safe.
 */
public final class Qcow2Reader implements DiskReader {
  private final ImageFile file;
  private final Path path;
  private final int version;
  private final int clusterBits;
  private final int cs;
  private final long size;
  private final long[] l1;
  private final int l2Bits;
  private final int csizeShift;
  private final long csizeMask;
  private final long refcountOrder;
  private final boolean dirty;
  private final boolean zstd;
  private final Map<Integer, long[]> l2Cache = new ConcurrentHashMap<>();
  // Where unallocated clusters read from; null without a backing file.
  private final DiskReader backing;
  private final String backingName;

  /** Backing chains longer than this are refused (QEMU has no limit; a loop would never end). */
  private Qcow2Reader(ImageFile file, ByteBuffer h, DiskReader backing, String backingName)
      throws IOException {
    this.file = file;
    this.path = file.path();
    this.backing = backing;
    this.backingName = backingName;
    this.version = h.getInt(4);
    if (version != 2 && version != 3) {
      throw fail("qcow2 version " + version + " is not supported (only 2 and 3)");
    }
    this.clusterBits = h.getInt(20);
    if (clusterBits < 9 || clusterBits > 21) {
      throw fail("bad qcow2 cluster_bits " + clusterBits);
    }
    this.cs = 1 << clusterBits;
    this.size = h.getLong(24);
    if (h.getInt(32) != 0) {
      throw fail("encrypted qcow2 images are not supported");
    }
    int l1Size = h.getInt(36);
    long l1Offset = h.getLong(40);
    long incompatible = version == 3 ? h.getLong(72) : 0;
    if ((incompatible & 2) != 0) {
      throw fail("the qcow2 image is marked corrupt; repair it with qemu-img check -r all");
    }
    if ((incompatible & 4) != 0) {
      throw fail("qcow2 images with an external data file are not supported");
    }
    int type = (incompatible & 8) != 0 && h.getInt(100) >= 105 ? h.get(104) : 0;
    if (type != 0 && type != 1) {
      throw fail("unknown qcow2 compression type " + type + " (known: 0 zlib, 1 zstd)");
    }
    this.zstd = type == 1;
    if ((incompatible & 16) != 0) {
      throw fail("qcow2 images with extended L2 entries (subclusters) are not supported");
    }
    if ((incompatible & ~0x1fL) != 0) {
      throw fail("unknown incompatible qcow2 features 0x" + Long.toHexString(incompatible));
    }
    this.dirty = (incompatible & 1) != 0;
    this.refcountOrder = version == 3 ? h.getInt(96) : 4;
    if (refcountOrder < 0 || refcountOrder > 6) {
      throw fail("qcow2 refcount_order " + refcountOrder + " is out of range (0 to 6)");
    }
    this.l2Bits = clusterBits - 3;
    this.csizeShift = 62 - (clusterBits - 8);
    this.csizeMask = (1L << (clusterBits - 8)) - 1;
    // A size near 2^63 would overflow the sums below and pass the L1 check with the data lost.
    if (size < 0 || size > Long.MAX_VALUE - cs) {
      throw fail("qcow2 virtual size " + size + " is out of range");
    }
    long need = Blocks.ceilDiv(Blocks.ceilDiv(size, cs), 1L << l2Bits);
    // 2^22 entries (32 MiB) is QEMU's limit too; a larger table only costs memory.
    if (l1Size < need || l1Size > (1 << 22)) {
      throw fail("qcow2 L1 table of " + l1Size + " entries cannot map " + size + " bytes");
    }
    if ((l1Offset & (cs - 1)) != 0) {
      throw fail("qcow2 L1 table offset " + l1Offset + " is not cluster-aligned: " + DAMAGED);
    }
    ByteBuffer l1b = file.readBe(l1Offset, l1Size * 8, "qcow2 L1 table");
    this.l1 = new long[l1Size];
    for (int i = 0; i < l1Size; i++) {
      l1[i] = l1b.getLong(i * 8) & Qcow2Layout.OFFSET_MASK;
    }
  }

  public static Qcow2Reader open(Path path) throws IOException {
    return open(path, Chain.top(LinkedFiles.WITHIN_DIRECTORY));
  }

  static Qcow2Reader open(Path path, Chain chain) throws IOException {
    ImageFile file = ImageFile.open(path);
    DiskReader backing = null;
    try {
      ByteBuffer h = file.readBe(0, (int) Math.min(file.size(), 112), "qcow2 header");
      if (h.limit() < 72 || h.getInt(0) != Qcow2Layout.MAGIC) {
        throw new DiskFormatException(path + ": not a qcow2 image");
      }
      if (h.limit() < 112) {
        h = ByteBuffer.allocate(112).put(h).clear();
      }
      String name = backingName(file, h);
      if (name != null) {
        backing = BackingFiles.open(path, name, backingFormat(file, h), chain);
      }
      return new Qcow2Reader(file, h, backing, name);
    } catch (IOException | RuntimeException e) {
      file.close();
      if (backing != null) {
        backing.close();
      }
      throw e;
    }
  }

  /** The backing file's name as the header stores it, or null when there is none. */
  private static String backingName(ImageFile file, ByteBuffer h) throws IOException {
    long off = h.getLong(8);
    int len = h.getInt(16);
    if (off == 0) {
      return null;
    }
    if (len <= 0 || len > 1023) {
      throw file.fail("bad qcow2 backing file name length " + len + " (1 to 1023)");
    }
    return new String(
        file.readBe(off, len, "qcow2 backing file name").array(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The backing format from the header extension QEMU writes (0xE2792ACA), or null. */
  private static String backingFormat(ImageFile file, ByteBuffer h) throws IOException {
    long pos = h.getInt(4) == 3 ? Integer.toUnsignedLong(h.getInt(100)) : 72;
    int cs = 1 << Math.min(Math.max(h.getInt(20), 9), 21);
    while (pos + 8 <= Math.min(cs, file.size())) {
      ByteBuffer e = file.readBe(pos, 8, "qcow2 header extension");
      int type = e.getInt(0);
      int len = e.getInt(4);
      if (type == 0 || len < 0 || pos + 8 + len > cs) {
        return null;
      }
      if (type == 0xE2792ACA) {
        // QEMU reads the name up to its first NUL; some writers pad it with NULs.
        String name =
            new String(
                file.readBe(pos + 8, len, "qcow2 backing format").array(),
                java.nio.charset.StandardCharsets.US_ASCII);
        int nul = name.indexOf('\0');
        return nul < 0 ? name : name.substring(0, nul);
      }
      pos += 8 + ((len + 7L) & ~7L);
    }
    return null;
  }

  private DiskFormatException fail(String why) {
    return new DiskFormatException(path + ": " + why);
  }

  private long[] l2(int index) throws IOException {
    long off = l1[index];
    if (off == 0) {
      return null;
    }
    long[] t = l2Cache.get(index);
    if (t == null) {
      if ((off & (cs - 1)) != 0) {
        throw fail(
            "L2 table " + index + " at host offset " + off + " is not cluster-aligned: " + DAMAGED);
      }
      ByteBuffer b = file.readBe(off, cs, "L2 table " + index);
      t = new long[cs / 8];
      b.asLongBuffer().get(t);
      l2Cache.put(index, t);
    }
    return t;
  }

  /** Told each cluster whose L2 entry is not 0, in order; returns false to stop. */
  private interface EntryVisitor {
    boolean visit(long cluster, long entry) throws IOException;
  }

  /**
   * Visits the clusters that have an L2 entry, skipping every L2 table the L1 table leaves out: a
   * cluster at a time, a mostly empty 32 PiB image took minutes to look at.
   */
  private void forEachEntry(EntryVisitor v) throws IOException {
    long clusters = Blocks.ceilDiv(size, cs);
    long perTable = 1L << l2Bits;
    for (int i = 0; i < l1.length && (long) i * perTable < clusters; i++) {
      long[] t = l2(i);
      if (t == null) {
        continue;
      }
      long first = (long) i * perTable;
      int n = (int) Math.min(perTable, clusters - first);
      for (int k = 0; k < n; k++) {
        if (t[k] != 0 && !v.visit(first + k, t[k])) {
          return;
        }
      }
    }
  }

  private long entry(long cluster) throws IOException {
    long[] t = l2((int) (cluster >>> l2Bits));
    return t == null ? 0 : t[(int) (cluster & ((1L << l2Bits) - 1))];
  }

  /** What an L2 entry says of its cluster. */
  private enum Kind {
    UNALLOCATED,
    ZERO,
    DATA,
    COMPRESSED
  }

  /**
   * The kind of cluster {@code c} with L2 entry {@code e}. Bit 0 is the zero flag of a standard
   * cluster but part of a compressed cluster's offset; an entry with no host offset and no zero
   * flag is unallocated whatever other bits it has (QEMU reads the backing file there; one of
   * COPIED alone read as zeros).
   */
  private Kind kind(long c, long e) throws DiskFormatException {
    if ((e & Qcow2Layout.COMPRESSED) != 0) {
      return Kind.COMPRESSED;
    }
    if ((e & 1) != 0) {
      if (version == 2) {
        throw zeroFlagInVersion2(c);
      }
      return Kind.ZERO;
    }
    return (e & Qcow2Layout.OFFSET_MASK) == 0 ? Kind.UNALLOCATED : Kind.DATA;
  }

  @Override
  public DiskFormat format() {
    return DiskFormat.QCOW2;
  }

  @Override
  public long virtualSize() {
    return size;
  }

  @Override
  public Extents allocated() throws IOException {
    Extents.Builder b = new Extents.Builder();
    forEachEntry(
        (c, e) -> {
          Kind k = kind(c, e);
          if (k == Kind.DATA || k == Kind.COMPRESSED) {
            b.add(c * cs, Math.min(size, (c + 1) * cs));
          }
          return true;
        });
    // What the backing image holds shows through wherever this one has nothing of its own (a
    // superset of that is fine: readers test what they read for zeros anyway).
    return backing == null ? b.build() : b.build().union(backing.allocated().shifted(0, size));
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    byte[] cluster = null;
    while (dst.hasRemaining()) {
      long c = offset >>> clusterBits;
      int in = (int) (offset & (cs - 1));
      int n = Math.min(dst.remaining(), cs - in);
      ByteBuffer part = dst.slice(dst.position(), n);
      long e = offset >= size ? 0 : entry(c);
      Kind k = kind(c, e);
      if (k == Kind.UNALLOCATED && backing != null && offset < size) {
        backing.read(offset, part); // zeros past the backing image's end, as every reader gives
      } else if (k == Kind.COMPRESSED) {
        cluster = cluster == null ? new byte[cs] : cluster;
        inflate(e, cluster, (int) Math.min(cs, size - c * cs));
        part.put(cluster, in, n);
      } else if (k != Kind.DATA) {
        Blocks.zero(part);
      } else {
        long host = e & Qcow2Layout.OFFSET_MASK;
        if ((host & (cs - 1)) != 0) {
          throw fail(
              "cluster " + c + " at host offset " + host + " is not cluster-aligned: " + DAMAGED);
        }
        file.readAt(host + in, part, "data of cluster " + c);
      }
      dst.position(dst.position() + n);
      offset += n;
    }
  }

  /**
   * One zstd frame. The sectors read may go on into the next cluster's bytes, so the stream is read
   * for exactly one cluster and not beyond.
   */
  private void unzstd(ByteBuffer z, long off, byte[] out, int want) throws IOException {
    byte[] in = new byte[z.remaining()];
    z.get(in);
    try (var d =
        new com.github.luben.zstd.ZstdInputStreamNoFinalizer(
            new java.io.ByteArrayInputStream(in))) {
      int n = d.readNBytes(out, 0, cs);
      if (n < want) {
        throw shortCluster(off, n, want);
      }
      java.util.Arrays.fill(out, n, cs, (byte) 0);
    } catch (com.github.luben.zstd.ZstdIOException x) {
      throw fail("compressed cluster at host offset " + off + " is damaged: " + x.getMessage());
    }
  }

  /**
   * Inflates the compressed cluster of entry {@code e} into {@code out}; at least {@code want}
   * bytes (the part of the cluster inside the disk) must come out, as QEMU requires.
   */
  private void inflate(long e, byte[] out, int want) throws IOException {
    long off = e & ((1L << csizeShift) - 1);
    long sectors = ((e >>> csizeShift) & csizeMask) + 1;
    long len = Math.min(sectors * 512 - (off & 511), file.size() - off);
    if (len <= 0 || len > 2L * cs + 512) {
      throw fail("bad compressed cluster descriptor at host offset " + off);
    }
    ByteBuffer z = file.readBe(off, (int) len, "compressed cluster");
    if (zstd) {
      unzstd(z, off, out, want);
      return;
    }
    Inflater inf = new Inflater(true);
    try {
      inf.setInput(z);
      int n = 0;
      while (n < cs && !inf.finished()) {
        int k = inf.inflate(out, n, cs - n);
        if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        n += k;
      }
      if (n < cs && !inf.finished()) {
        throw fail("compressed cluster at host offset " + off + " is truncated");
      }
      if (n < want) {
        throw shortCluster(off, n, want);
      }
      java.util.Arrays.fill(out, n, cs, (byte) 0);
    } catch (DataFormatException x) {
      throw fail("compressed cluster at host offset " + off + " is damaged: " + x.getMessage());
    } finally {
      inf.end();
    }
  }

  private DiskFormatException shortCluster(long off, int n, int want) {
    return fail(
        "compressed cluster at host offset "
            + off
            + " inflates to "
            + n
            + " bytes, not the "
            + want
            + " of a cluster: "
            + DAMAGED);
  }

  /** QEMU calls such an image corrupt: version 2 has no zero clusters. */
  private DiskFormatException zeroFlagInVersion2(long c) {
    return fail("cluster " + c + " has the zero flag, which version 2 images lack: " + DAMAGED);
  }

  private static final String DAMAGED =
      "the image is damaged (qemu-img check tells more, and -r all repairs what it can)";

  @Override
  public DiskInfo info() throws IOException {
    boolean[] found = {false};
    forEachEntry(
        (c, e) -> {
          found[0] = (e & Qcow2Layout.COMPRESSED) != 0;
          return !found[0];
        });
    boolean compressed = found[0];
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("compat", version == 3 ? "1.1" : "0.10");
    details.put("refcount-bits", 1L << refcountOrder);
    details.put("corrupt", false);
    details.put("dirty", dirty);
    details.put("compressed-clusters", compressed);
    details.put("compression-type", zstd ? "zstd" : "zlib");
    if (backingName != null) {
      details.put("backing-filename", backingName);
    }
    return new DiskInfo(
        DiskFormat.QCOW2, size, file.size(), cs, version == 3 ? "1.1" : "0.10", details);
  }

  @Override
  public java.util.List<Path> files() {
    java.util.List<Path> all = new java.util.ArrayList<>(java.util.List.of(path));
    if (backing != null) {
      all.addAll(backing.files());
    }
    return all;
  }

  @Override
  public void close() throws IOException {
    try {
      file.close();
    } finally {
      if (backing != null) {
        backing.close();
      }
    }
  }
}
