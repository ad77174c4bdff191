package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads hosted sparse VMDKs: monolithicSparse (uncompressed grains) and streamOptimized (compressed
 * grains with markers, grain directory found through the footer). Grain tables are read whole at
 * open. A delta disk (a Workstation snapshot or linked clone: a parent CID and parentFileNameHint
 * in its descriptor) reads through to its parent wherever a grain is unallocated, and is refused
 * when the parent's CID is not the one it was made on (the parent was written since, so the delta's
 * view of it is gone). Descriptor-only VMDKs are {@link VmdkExtentsReader}'s. Thread-safe.
 */
public final class VmdkReader implements DiskReader {
  private final ImageFile file;
  private final Path path;
  // Where the VMDK lies in the file: all of it, or a member of an OVA tar.
  private final long base;
  private final long length;
  private final VmdkHeader h;
  private final Map<String, String> descriptor;
  // Per grain table, the sector of each grain (or its marker), unsigned; 0 = unallocated, 1 = zero.
  // A table the directory leaves out is null: only the tables in the file take memory.
  private final int[][] gts;
  private final int grain;
  private final long size;
  // Where unallocated grains read from; null unless this is a delta disk.
  private final DiskReader parent;

  private VmdkReader(ImageFile file, long base, long length, Chain chain) throws IOException {
    this.file = file;
    this.path = file.path();
    this.base = base;
    this.length = length;
    VmdkHeader head;
    try {
      head = VmdkHeader.decode(sectors(0, 512, "VMDK header"));
    } catch (DiskFormatException e) {
      throw fail(e.getMessage());
    }
    if (head.gdOffset() == VmdkHeader.GD_AT_END) {
      if (length < 1536 + 512) {
        throw fail("streamOptimized VMDK shorter than its header and footer");
      }
      ByteBuffer tail = file.readLe(base + length - 1536, 1536, "VMDK footer");
      if (tail.getLong(0) != 1 || tail.getInt(12) != VmdkHeader.MARKER_FOOTER) {
        throw fail(
            "streamOptimized VMDK does not end with footer marker, footer and end-of-stream marker"
                + " (is it truncated?)");
      }
      if (tail.getLong(1024) != 0 || tail.getInt(1036) != VmdkHeader.MARKER_EOS) {
        throw fail("streamOptimized VMDK does not end with an end-of-stream marker");
      }
      head = VmdkHeader.decode(tail.slice(512, 512));
    }
    this.h = head;
    this.grain = (int) (h.grainSize() * 512);
    if (h.capacity() < 0 || h.capacity() > Long.MAX_VALUE / 512) {
      throw fail("VMDK capacity of " + h.capacity() + " sectors is out of range");
    }
    this.size = h.capacity() * 512;
    this.descriptor = VmdkDescriptor.parse(descriptorText());
    this.gts = readTables();
    this.parent = openParent(chain);
  }

  public static VmdkReader open(Path path) throws IOException {
    return open(path, Chain.top(LinkedFiles.WITHIN_DIRECTORY));
  }

  /**
   * The VMDK stored in {@code [base, base + length)} of an open file (a disk inside an OVA). Takes
   * over {@code ch}: closing the reader closes it, and so does a failure to open.
   */
  static VmdkReader window(FileChannel ch, Path path, long base, long length, Chain chain)
      throws IOException {
    ImageFile file = new ImageFile(path, ch);
    try {
      return new VmdkReader(file, base, length, chain);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  static VmdkReader open(Path path, Chain chain) throws IOException {
    ImageFile file = ImageFile.open(path);
    try {
      return new VmdkReader(file, 0, file.size(), chain);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * {@code n} bytes from sector {@code sector} of the VMDK, which must lie inside it (an OVA member
   * or the file): a sector number from a header or table is checked before it is multiplied out.
   */
  private ByteBuffer sectors(long sector, int n, String what) throws IOException {
    if (sector < 0 || sector > (length - n) / 512) {
      throw fail(
          what
              + " ("
              + n
              + " bytes at sector "
              + Long.toUnsignedString(sector)
              + ") lies past the end of the VMDK ("
              + length
              + " bytes): the image is truncated or damaged");
    }
    return file.readLe(base + sector * 512, n, what);
  }

  /**
   * The embedded descriptor's text, up to its first zero byte; empty when the header places none (a
   * size or offset of 0 or less), as qemu-img reads such a disk too.
   */
  private String descriptorText() throws IOException {
    if (h.descriptorSize() <= 0 || h.descriptorOffset() <= 0) {
      return "";
    }
    int n = (int) Math.min(h.descriptorSize(), (1 << 20) / 512) * 512;
    byte[] d = new byte[n];
    sectors(h.descriptorOffset(), n, "VMDK descriptor").get(d);
    int end = 0;
    while (end < d.length && d[end] != 0) {
      end++;
    }
    return new String(d, 0, end, StandardCharsets.UTF_8);
  }

  private DiskFormatException fail(String why) {
    return new DiskFormatException(path + ": " + why);
  }

  /** The parent of a delta disk, checked to be the image the delta was made on; else null. */
  private DiskReader openParent(Chain chain) throws IOException {
    String cid = descriptor.getOrDefault("parentCID", "ffffffff");
    String hint = descriptor.get("parentFileNameHint");
    if (cid.equalsIgnoreCase("ffffffff") && hint == null) {
      return null;
    }
    if (hint == null || hint.isBlank()) {
      throw fail("a VMDK delta disk without parentFileNameHint: its parent cannot be found");
    }
    DiskReader p = BackingFiles.open(path, hint, null, chain);
    try {
      Object theirs = p.format() == DiskFormat.VMDK ? p.info().details().get("cid") : null;
      if (theirs != null && !cid.equalsIgnoreCase(theirs.toString())) {
        throw fail(
            "its parent "
                + hint
                + " has CID "
                + theirs
                + ", not the "
                + cid
                + " this delta was made on: the parent was written since, so the delta no longer"
                + " applies to it");
      }
      return p;
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  /**
   * The grain tables the directory lists, read whole. The directory and the tables must lie in the
   * file, so they take no more memory than the file's size, whatever capacity the header claims.
   */
  private int[][] readTables() throws IOException {
    long grains = Blocks.ceilDiv(h.capacity(), h.grainSize());
    int perGt = h.numGtesPerGt();
    long tables = Blocks.ceilDiv(grains, perGt);
    if (tables * 4 > length) {
      throw fail(
          "a VMDK capacity of "
              + h.capacity()
              + " sectors needs a grain directory of "
              + tables
              + " entries, more than the file holds: the image is damaged");
    }
    ByteBuffer gd = sectors(h.gdOffset(), (int) (tables * 4), "VMDK grain directory");
    long fileSectors = length / 512;
    int[][] out = new int[(int) tables][];
    for (int t = 0; t < tables; t++) {
      long at = gd.getInt(t * 4) & 0xffffffffL;
      if (at == 0) {
        continue;
      }
      int n = (int) Math.min(perGt, grains - (long) t * perGt);
      ByteBuffer gt = sectors(at, n * 4, "VMDK grain table " + t);
      int[] entries = new int[n];
      for (int i = 0; i < n; i++) {
        long e = gt.getInt(i * 4) & 0xffffffffL;
        if (e > 1 && e >= fileSectors) {
          throw fail("grain table " + t + " entry " + i + " points past the end of the file");
        }
        entries[i] = e == 1 && (h.flags() & VmdkHeader.FLAG_ZERO_GTE) == 0 ? 0 : (int) e;
      }
      out[t] = entries;
    }
    return out;
  }

  /** The entry of grain {@code g}, unsigned; 0 past the tables or in a table that is absent. */
  private long entry(long g) {
    long t = g / h.numGtesPerGt();
    int i = (int) (g % h.numGtesPerGt());
    if (t >= gts.length || gts[(int) t] == null || i >= gts[(int) t].length) {
      return 0; // the last table is cut at the disk's end; reads go on with zeros past it
    }
    return gts[(int) t][i] & 0xffffffffL;
  }

  @Override
  public DiskFormat format() {
    return DiskFormat.VMDK;
  }

  @Override
  public long virtualSize() {
    return size;
  }

  @Override
  public Extents allocated() throws IOException {
    Extents.Builder b = new Extents.Builder();
    for (int t = 0; t < gts.length; t++) {
      int[] entries = gts[t];
      for (int i = 0; entries != null && i < entries.length; i++) {
        if ((entries[i] & 0xffffffffL) > 1) {
          long g = (long) t * h.numGtesPerGt() + i;
          b.add(g * grain, Math.min(size, (g + 1) * grain));
        }
      }
    }
    // A delta shows its parent's data wherever it has no grain of its own.
    return parent == null ? b.build() : b.build().union(parent.allocated().shifted(0, size));
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    byte[] buf = null;
    while (dst.hasRemaining()) {
      long g = offset / grain;
      int in = (int) (offset % grain);
      int n = Math.min(dst.remaining(), grain - in);
      ByteBuffer part = dst.slice(dst.position(), n);
      long e = entry(g);
      if (e == 0 && parent != null && offset < size) {
        parent.read(offset, part); // zeros past the parent's end, as every reader gives
      } else if (e <= 1) {
        Blocks.zero(part); // unallocated, or a zero grain (which hides the parent too)
      } else if (h.compressed()) {
        buf = buf == null ? new byte[grain] : buf;
        inflateGrain(e, g, buf);
        part.put(buf, in, n);
      } else {
        file.readAt(base + e * 512 + in, part, "data of grain " + g);
      }
      dst.position(dst.position() + n);
      offset += n;
    }
  }

  private void inflateGrain(long sector, long g, byte[] out) throws IOException {
    int headerLen = h.markers() ? 12 : 4;
    ByteBuffer m = sectors(sector, headerLen, "grain marker");
    long lba = h.markers() ? m.getLong(0) : g * h.grainSize();
    int len = m.getInt(headerLen - 4);
    if (lba != g * h.grainSize() || len <= 0 || len > grain * 2) {
      throw fail("grain marker at sector " + sector + " does not describe grain " + g);
    }
    ByteBuffer z = ByteBuffer.allocate(len);
    file.readAt(base + sector * 512 + headerLen, z, "compressed grain " + g);
    Inflater inf = new Inflater(false);
    try {
      inf.setInput(z.flip());
      int n = 0;
      while (n < grain && !inf.finished()) {
        int k = inf.inflate(out, n, grain - n);
        if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw fail("compressed grain " + g + " is truncated");
        }
        n += k;
      }
      // QEMU requires a whole grain; the part of the last one past the disk's end may be missing.
      long want = Math.min(grain, size - g * grain);
      if (n < want) {
        throw fail(
            "compressed grain " + g + " inflates to " + n + " bytes, not a grain of " + grain);
      }
      java.util.Arrays.fill(out, n, grain, (byte) 0);
    } catch (DataFormatException x) {
      throw fail("compressed grain " + g + " is damaged: " + x.getMessage());
    } finally {
      inf.end();
    }
  }

  @Override
  public DiskInfo info() throws IOException {
    String type = descriptor.getOrDefault("createType", h.markers() ? "streamOptimized" : "");
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    if (parent != null) {
      details.put("backing-filename", descriptor.get("parentFileNameHint"));
    }
    details.putAll(
        Map.of(
            "create-type",
            type,
            "cid",
            descriptor.getOrDefault("CID", ""),
            "parent-cid",
            descriptor.getOrDefault("parentCID", ""),
            "adapter-type",
            descriptor.getOrDefault("ddb.adapterType", ""),
            "version",
            h.version(),
            "compressed",
            h.compressed()));
    return new DiskInfo(DiskFormat.VMDK, size, length, grain, type, details);
  }

  @Override
  public java.util.List<Path> files() {
    if (parent == null) {
      return java.util.List.of(path);
    }
    java.util.List<Path> all = new java.util.ArrayList<>(java.util.List.of(path));
    all.addAll(parent.files());
    return all;
  }

  @Override
  public void close() throws IOException {
    try {
      file.close();
    } finally {
      if (parent != null) {
        parent.close();
      }
    }
  }

  static boolean isDescriptorText(ByteBuffer first) {
    byte[] sig = "# Disk DescriptorFile".getBytes(StandardCharsets.US_ASCII);
    if (first.limit() < sig.length) {
      return false;
    }
    return first.slice(0, sig.length).order(ByteOrder.BIG_ENDIAN).equals(ByteBuffer.wrap(sig));
  }
}
