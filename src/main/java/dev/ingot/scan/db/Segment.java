package dev.ingot.scan.db;

import dev.ingot.plugin.Cancellation;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One imported source on disk (format 2): a header (magic, format, {@link SegmentMeta}, key count,
 * key-pool length), a fixed-width index sorted by the keys' UTF-8 bytes (key offset and length in
 * the pool, block offset and length in the data), the key pool (ecosystem + NUL + package), then
 * the record blocks. Opening maps the index and pool into memory without decoding them; a lookup is
 * a binary search over the mapped bytes and one positional read of a block, so a scan touches a few
 * pages of a large database and its cost does not grow with the database. An open segment is safe
 * for concurrent lookups (absolute gets on read-only buffers, positional reads on one channel).
 */
final class Segment implements AutoCloseable {
  static final String SUFFIX = ".adb";
  private static final byte[] MAGIC = "INGOTADB".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT = 2;
  private static final int ENTRY = 20; // int key offset, int key length, long data offset, int len

  private final Path file;
  private final SegmentMeta meta;
  private final int count;
  private final ByteBuffer index;
  private final ByteBuffer pool;
  private final long dataStart;
  private final FileChannel channel;

  private Segment(
      Path file,
      SegmentMeta meta,
      int count,
      ByteBuffer index,
      ByteBuffer pool,
      long dataStart,
      FileChannel channel) {
    this.file = file;
    this.meta = meta;
    this.count = count;
    this.index = index;
    this.pool = pool;
    this.dataStart = dataStart;
    this.channel = channel;
  }

  /**
   * Writes a segment atomically (temp sibling, then rename over any previous one). {@code cancel}
   * is checked per block and just before the rename: a cancelled write removes its temporary file
   * and leaves any previous segment as it was.
   */
  static void write(Path file, SegmentMeta meta, RecordBlocks records, Cancellation cancel)
      throws IOException {
    List<RecordBlocks.Sorted> sorted = records.sorted();
    ByteArrayOutputStream keyPool = new ByteArrayOutputStream(1 << 16);
    ByteBuffer idx = ByteBuffer.allocate(sorted.size() * ENTRY);
    long off = 0;
    for (RecordBlocks.Sorted b : sorted) {
      idx.putInt(keyPool.size()).putInt(b.utf8().length);
      idx.putLong(off).putInt(4 + b.length());
      keyPool.write(b.utf8());
      off += 4 + b.length();
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
          DataOutputStream out = new DataOutputStream(os)) {
        out.write(MAGIC);
        out.writeInt(FORMAT);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        meta.write(new DataOutputStream(m));
        out.writeInt(m.size());
        m.writeTo(out);
        out.writeInt(sorted.size());
        out.writeInt(keyPool.size());
        out.write(idx.array());
        keyPool.writeTo(out);
        for (RecordBlocks.Sorted b : sorted) {
          cancel.check();
          out.writeInt(b.records());
          out.write(b.bytes(), 0, b.length());
        }
      }
      cancel.check(); // the last point before the previous segment is replaced
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Opens a segment: reads its header and maps its index and key pool. */
  static Segment open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 1 << 16));
      readAt(ch, head, 0);
      head.flip();
      byte[] magic = new byte[MAGIC.length];
      if (head.remaining() < MAGIC.length || !Arrays.equals(get(head, magic), MAGIC)) {
        throw new AdvisoryDbException(file + " is not an Ingot advisory database segment");
      }
      if (head.remaining() < 8) {
        throw truncated(file);
      }
      int format = head.getInt();
      if (format != FORMAT) {
        throw new AdvisoryDbException(
            file + " has format " + format + "; re-import the source with this Ingot version");
      }
      int metaLen = head.getInt();
      if (metaLen < 0 || head.remaining() < metaLen + 8) {
        throw truncated(file);
      }
      byte[] m = get(head, new byte[metaLen]);
      SegmentMeta meta = SegmentMeta.read(new DataInputStream(new ByteArrayInputStream(m)));
      int n = head.getInt();
      int poolLen = head.getInt();
      long indexStart = head.position();
      long dataStart = indexStart + (long) n * ENTRY + poolLen;
      if (n < 0 || poolLen < 0 || dataStart > size) {
        throw truncated(file);
      }
      MappedByteBuffer map =
          ch.map(FileChannel.MapMode.READ_ONLY, indexStart, dataStart - indexStart);
      ByteBuffer index = map.slice(0, n * ENTRY);
      ByteBuffer pool = map.slice(n * ENTRY, poolLen);
      return new Segment(file, meta, n, index, pool, dataStart, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  SegmentMeta meta() {
    return meta;
  }

  Path file() {
    return file;
  }

  int keyCount() {
    return count;
  }

  /** The records stored for {@code key}, empty when none. */
  List<Advisory> lookup(String ecosystem, String pkg) throws IOException {
    int i = find(ByteBuffer.wrap(Advisory.key(ecosystem, pkg).getBytes(StandardCharsets.UTF_8)));
    if (i < 0) {
      return List.of();
    }
    long off = index.getLong(i * ENTRY + 8);
    int len = index.getInt(i * ENTRY + 16);
    ByteBuffer buf = ByteBuffer.allocate(len);
    if (readAt(channel, buf, dataStart + off) < len) {
      throw truncated(file);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.array()));
    int records = in.readInt();
    List<Advisory> out = new ArrayList<>(records);
    for (int k = 0; k < records; k++) {
      out.add(AdvisoryCodec.read(in, ecosystem, pkg));
    }
    return out;
  }

  /** Binary search of the mapped index; the entry number or -1. */
  private int find(ByteBuffer key) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(mid, key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Compares entry {@code i}'s key with {@code key} as unsigned bytes. */
  private int compare(int i, ByteBuffer key) {
    int off = index.getInt(i * ENTRY);
    int len = index.getInt(i * ENTRY + 4);
    if (off < 0 || len < 0 || off + len > pool.limit()) {
      throw new AdvisoryDbException(file + " has a damaged index; re-import the source");
    }
    ByteBuffer k = pool.slice(off, len);
    int m = k.mismatch(key);
    if (m < 0) {
      return 0;
    }
    if (m >= len || m >= key.limit()) {
      return Integer.compare(len, key.limit());
    }
    return Integer.compare(Byte.toUnsignedInt(k.get(m)), Byte.toUnsignedInt(key.get(m)));
  }

  private static byte[] get(ByteBuffer b, byte[] into) {
    b.get(into);
    return into;
  }

  /** Fills {@code buf} from {@code pos} on, stopping early at the end of the file; bytes read. */
  private static int readAt(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, pos + buf.position()) < 0) {
        break;
      }
    }
    return buf.position();
  }

  private static AdvisoryDbException truncated(Path file) {
    return new AdvisoryDbException(file + " is truncated; re-import the source");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
