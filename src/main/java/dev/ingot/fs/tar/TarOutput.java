package dev.ingot.fs.tar;

import static dev.ingot.fs.tar.TarFields.BLOCK;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes tar members one at a time with deterministic headers: POSIX ustar, numeric owners only
 * (uname/gname empty), and a PAX header (named {@code ././@PaxHeader}, the entry's clamped mtime)
 * only when a value does not fit ustar: names or link targets over 100 bytes or not ASCII, large
 * ids, sizes or device numbers, and xattrs as {@code SCHILY.xattr.*}. Mtimes are clamped to {@code
 * sourceDateEpoch} when it is not negative. Equal inputs give equal bytes. Not thread-safe; {@link
 * #close} writes the end-of-archive blocks and closes the underlying stream.
 */
public final class TarOutput implements Closeable {
  private static final long MAX_OCTAL_7 = 07777777L;
  private static final long MAX_OCTAL_11 = 077777777777L;
  private final OutputStream out;
  private final long sourceDateEpoch;
  private boolean finished;

  public TarOutput(OutputStream out, long sourceDateEpoch) {
    this.out = out;
    this.sourceDateEpoch = sourceDateEpoch;
  }

  /**
   * Writes {@code e} under the name {@code name} ("./" for the root; directories get a trailing
   * "/"). For a regular file {@code content} must yield exactly {@code e.size()} bytes; {@code
   * linkName} is the symlink target or the hard link's target path.
   */
  public void write(String name, FileEntry e, String linkName, InputStream content)
      throws IOException {
    String n = e.isDirectory() && !name.endsWith("/") ? name + "/" : name;
    long mtime = Math.max(0, clamp(e.mtime()));
    Map<String, byte[]> pax = new TreeMap<>();
    byte[] h = new byte[BLOCK];
    putName(h, TarFields.NAME, n, "path", pax);
    if (linkName != null) {
      putName(h, TarFields.LINKNAME, linkName, "linkpath", pax);
    }
    TarFields.putOctal(h, TarFields.MODE, 8, e.mode());
    putNumber(h, TarFields.UID, 8, e.uid(), MAX_OCTAL_7, "uid", pax);
    putNumber(h, TarFields.GID, 8, e.gid(), MAX_OCTAL_7, "gid", pax);
    long size = e.isRegular() ? e.size() : 0;
    putNumber(h, TarFields.SIZE, 12, size, MAX_OCTAL_11, "size", pax);
    putNumber(h, TarFields.MTIME, 12, mtime, MAX_OCTAL_11, "mtime", pax);
    h[TarFields.TYPE] = typeFlag(e.type());
    TarFields.putBytes(h, TarFields.MAGIC, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    TarFields.putBytes(h, TarFields.MAGIC + 6, "00".getBytes(StandardCharsets.US_ASCII));
    putNumber(h, TarFields.DEVMAJOR, 8, e.devMajor(), MAX_OCTAL_7, "SCHILY.devmajor", pax);
    putNumber(h, TarFields.DEVMINOR, 8, e.devMinor(), MAX_OCTAL_7, "SCHILY.devminor", pax);
    e.xattrs()
        .forEach((k, v) -> pax.put("SCHILY.xattr." + k, v.getBytes(StandardCharsets.ISO_8859_1)));
    if (!pax.isEmpty()) {
      writePax(pax, mtime);
    }
    TarFields.putChecksum(h);
    out.write(h);
    if (size > 0) {
      long copied = copy(content, size);
      if (copied != size) {
        throw new IOException(
            "content of '" + name + "' has " + copied + " bytes, the tree says " + size);
      }
      pad(size);
    }
  }

  /** Writes the two zero blocks that end an archive, without closing the stream. */
  public void finish() throws IOException {
    if (!finished) {
      out.write(new byte[2 * BLOCK]);
      out.flush();
      finished = true;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }

  private long clamp(long mtime) {
    return sourceDateEpoch >= 0 ? Math.min(mtime, sourceDateEpoch) : mtime;
  }

  private void writePax(Map<String, byte[]> pax, long mtime) throws IOException {
    byte[] data = PaxRecords.encode(pax);
    byte[] h = new byte[BLOCK];
    TarFields.putBytes(h, TarFields.NAME, "././@PaxHeader".getBytes(StandardCharsets.US_ASCII));
    TarFields.putOctal(h, TarFields.MODE, 8, 0644);
    TarFields.putOctal(h, TarFields.UID, 8, 0);
    TarFields.putOctal(h, TarFields.GID, 8, 0);
    TarFields.putOctal(h, TarFields.SIZE, 12, data.length);
    TarFields.putOctal(h, TarFields.MTIME, 12, Math.min(mtime, MAX_OCTAL_11));
    h[TarFields.TYPE] = 'x';
    TarFields.putBytes(h, TarFields.MAGIC, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    TarFields.putBytes(h, TarFields.MAGIC + 6, "00".getBytes(StandardCharsets.US_ASCII));
    TarFields.putOctal(h, TarFields.DEVMAJOR, 8, 0);
    TarFields.putOctal(h, TarFields.DEVMINOR, 8, 0);
    TarFields.putChecksum(h);
    out.write(h);
    out.write(data);
    pad(data.length);
  }

  private static void putName(byte[] h, int off, String s, String key, Map<String, byte[]> pax) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    boolean ascii = b.length == s.length();
    if (ascii && b.length <= 100) {
      TarFields.putBytes(h, off, b);
      return;
    }
    pax.put(key, b);
    // The ustar field gets an ASCII stand-in that readers without PAX can still use.
    StringBuilder stand = new StringBuilder();
    for (int i = 0; i < s.length() && stand.length() < 100; i++) {
      char c = s.charAt(i);
      stand.append(c < 0x80 ? c : '_');
    }
    TarFields.putBytes(h, off, stand.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static void putNumber(
      byte[] h, int off, int len, long v, long max, String key, Map<String, byte[]> pax) {
    if (v > max || v < 0) {
      pax.put(key, Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      v = 0;
    }
    TarFields.putOctal(h, off, len, v);
  }

  private static byte typeFlag(FileType t) {
    return switch (t) {
      case REGULAR -> '0';
      case HARDLINK -> '1';
      case SYMLINK -> '2';
      case CHAR_DEVICE -> '3';
      case BLOCK_DEVICE -> '4';
      case DIRECTORY -> '5';
      case FIFO -> '6';
    };
  }

  private long copy(InputStream in, long size) throws IOException {
    byte[] buf = new byte[1 << 16];
    long done = 0;
    while (done < size) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, size - done));
      if (n < 0) {
        break;
      }
      out.write(buf, 0, n);
      done += n;
    }
    if (done == size && in.read() >= 0) {
      done++; // More bytes than the header says: reported as a mismatch.
    }
    return done;
  }

  private void pad(long size) throws IOException {
    int p = (int) ((BLOCK - size % BLOCK) % BLOCK);
    if (p > 0) {
      out.write(new byte[p]);
    }
  }
}
