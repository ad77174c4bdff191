package dev.ingot.scan.db;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Advisory records already in their stored form, grouped by key (ecosystem + NUL + package): an
 * importer adds each record as it reads it, so a large import holds a few byte arrays instead of
 * millions of small objects (which made garbage collection a large part of the import). Records of
 * a key keep the order they were added in. Not thread-safe: one instance per importing thread,
 * joined in order with {@link #addAll}.
 */
public final class RecordBlocks {
  private final Map<String, Block> byKey = new HashMap<>();
  private long count;

  /** Encodes {@code a} and appends it to its key's block. */
  public void add(Advisory a) {
    Block b = byKey.computeIfAbsent(a.key(), k -> new Block());
    try {
      AdvisoryCodec.write(b.data, a);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    b.records++;
    count++;
  }

  /** Appends {@code other}'s records after this one's, key by key. */
  public void addAll(RecordBlocks other) {
    other.byKey.forEach(
        (k, ob) -> {
          Block b = byKey.computeIfAbsent(k, x -> new Block());
          b.bytes.write(ob.bytes.buf, 0, ob.bytes.size);
          b.records += ob.records;
        });
    count += other.count;
  }

  /** Number of records. */
  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Every record, decoded, keys in stored order (for tests and small sets). */
  public List<Advisory> decode() {
    List<Advisory> out = new ArrayList<>();
    for (Sorted s : sorted()) {
      String[] ep = s.key().split("\u0000", 2);
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(s.bytes(), 0, s.length()))) {
        for (int i = 0; i < s.records(); i++) {
          out.add(AdvisoryCodec.read(in, ep[0], ep[1]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** One key's block: its UTF-8 key, record count and encoded records ({@code length} bytes). */
  record Sorted(String key, byte[] utf8, int records, byte[] bytes, int length) {}

  /** The blocks sorted by the keys' UTF-8 bytes, the order a segment's index is searched in. */
  List<Sorted> sorted() {
    List<Sorted> out = new ArrayList<>(byKey.size());
    byKey.forEach(
        (k, b) ->
            out.add(
                new Sorted(
                    k, k.getBytes(StandardCharsets.UTF_8), b.records, b.bytes.buf, b.bytes.size)));
    out.sort((a, b) -> Arrays.compareUnsigned(a.utf8(), b.utf8()));
    return out;
  }

  private static final class Block {
    final Bytes bytes = new Bytes();
    final DataOutputStream data = new DataOutputStream(bytes);
    int records;
  }

  /** A growable byte array without ByteArrayOutputStream's locking or copying on read. */
  private static final class Bytes extends OutputStream {
    byte[] buf = new byte[256];
    int size;

    @Override
    public void write(int b) {
      ensure(1);
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }
  }
}
