package dev.ingot.scan.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One imported source on disk: a header (magic, format version, {@link SegmentMeta} as JSON), a
 * sorted index of keys (ecosystem + NUL + package) with offsets, then the record blocks. Opening
 * reads the header and index only; a lookup is a binary search and one positional read of a block,
 * so scanning touches a few hundred kilobytes of a large database. An open segment is safe for
 * concurrent lookups (positional reads on one channel).
 */
final class Segment implements AutoCloseable {
  static final String SUFFIX = ".adb";
  private static final byte[] MAGIC =
      "INGOTADB".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SegmentMeta meta;
  private final String[] keys;
  private final long[] offsets;
  private final int[] lengths;
  private final long dataStart;
  private final FileChannel channel;

  private Segment(
      Path file, SegmentMeta meta, String[] keys, long[] offsets, int[] lengths, long dataStart)
      throws IOException {
    this.file = file;
    this.meta = meta;
    this.keys = keys;
    this.offsets = offsets;
    this.lengths = lengths;
    this.dataStart = dataStart;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
  }

  /** Writes a segment atomically (temp sibling, then rename over any previous one). */
  static void write(Path file, SegmentMeta meta, SortedMap<String, List<Advisory>> byKey)
      throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream(1 << 20);
    DataOutputStream dout = new DataOutputStream(data);
    List<String> keys = new ArrayList<>(byKey.size());
    long[] offs = new long[byKey.size()];
    int[] lens = new int[byKey.size()];
    int i = 0;
    for (Map.Entry<String, List<Advisory>> e : byKey.entrySet()) {
      offs[i] = data.size();
      dout.writeInt(e.getValue().size());
      for (Advisory a : e.getValue()) {
        AdvisoryCodec.write(dout, a);
      }
      dout.flush();
      lens[i] = (int) (data.size() - offs[i]);
      keys.add(e.getKey());
      i++;
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
          DataOutputStream out = new DataOutputStream(os)) {
        out.write(MAGIC);
        out.writeInt(FORMAT);
        byte[] m = JSON.writeValueAsBytes(meta.toJson());
        out.writeInt(m.length);
        out.write(m);
        out.writeInt(keys.size());
        for (int k = 0; k < keys.size(); k++) {
          out.writeUTF(keys.get(k));
          out.writeLong(offs[k]);
          out.writeInt(lens[k]);
        }
        data.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Opens a segment, reading its header and index. */
  static Segment open(Path file) throws IOException {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        CountingInput counting = new CountingInput(is);
        DataInputStream in = new DataInputStream(counting)) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new AdvisoryDbException(file + " is not an Ingot advisory database segment");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new AdvisoryDbException(
            file + " has format " + format + "; re-import the source with this Ingot version");
      }
      byte[] m = in.readNBytes(in.readInt());
      SegmentMeta meta = SegmentMeta.fromJson(JSON.readValue(m, Map.class));
      int n = in.readInt();
      String[] keys = new String[n];
      long[] offs = new long[n];
      int[] lens = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = in.readUTF();
        offs[i] = in.readLong();
        lens[i] = in.readInt();
      }
      return new Segment(file, meta, keys, offs, lens, counting.count());
    } catch (java.io.EOFException e) {
      throw new AdvisoryDbException(file + " is truncated; re-import the source");
    }
  }

  SegmentMeta meta() {
    return meta;
  }

  Path file() {
    return file;
  }

  int keyCount() {
    return keys.length;
  }

  /** The records stored for {@code key}, empty when none. */
  List<Advisory> lookup(String ecosystem, String pkg) throws IOException {
    int i = Arrays.binarySearch(keys, Advisory.key(ecosystem, pkg));
    if (i < 0) {
      return List.of();
    }
    ByteBuffer buf = ByteBuffer.allocate(lengths[i]);
    long pos = dataStart + offsets[i];
    while (buf.hasRemaining()) {
      int r = channel.read(buf, pos + buf.position());
      if (r < 0) {
        throw new AdvisoryDbException(file + " is truncated; re-import the source");
      }
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.array()));
    int count = in.readInt();
    List<Advisory> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(AdvisoryCodec.read(in, ecosystem, pkg));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Counts bytes read so the data section's start is known after the index. */
  private static final class CountingInput extends java.io.FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
