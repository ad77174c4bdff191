package dev.ingot.fs.tar;

import static dev.ingot.fs.tar.TarFields.BLOCK;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import dev.ingot.fs.UnsafePathException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a tar stream entry by entry without building a tree (for layer application and scanning).
 * Understands ustar, GNU long names and links ('L'/'K'), and PAX extended and global headers
 * ({@code path}, {@code linkpath}, {@code size}, {@code mtime}, {@code uid}, {@code gid}, {@code
 * SCHILY.xattr.*}, {@code LIBARCHIVE.xattr.*}, {@code SCHILY.devmajor/devminor}).
 *
 * <p>Path rules, checked on every member before it is returned: a leading "./" is dropped; a
 * leading "/" is dropped as GNU tar does (or refused, see {@link TarReadOptions}); any ".."
 * component is refused, as GNU tar skips such members; NUL bytes are refused; only a directory may
 * name the root. Hard link targets follow the same rules. Symlink targets are kept as written: they
 * are data, resolved later inside the root. Device nodes are refused in rootless mode, sparse and
 * multi-volume members always. Sizes are checked against the limits before data is read.
 *
 * <p>Not thread-safe. {@link #content} reads the current entry; {@link #next} skips what is left.
 */
public final class TarInput implements Closeable {
  private final InputStream in;
  private final TarReadOptions options;
  private final Map<String, byte[]> globals = new TreeMap<>();
  private long remaining;
  private long padding;
  private long declared;
  private long count;
  private String last = "(start of archive)";
  private boolean ended;

  public TarInput(InputStream in, TarReadOptions options) {
    this.in = in;
    this.options = options;
  }

  /**
   * The next member, or null at the end of the archive. A regular file's entry has its size but no
   * content digest; its bytes are read with {@link #content}. A hard link's target is normalized by
   * the same rules as names; a symlink's is kept as written.
   */
  public FileEntry next() throws IOException {
    skipRest();
    if (ended) {
      return null;
    }
    Map<String, byte[]> pax = new TreeMap<>();
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] h = readBlock();
      if (h == null || TarFields.isZero(h)) {
        if (!pax.isEmpty() || longName != null || longLink != null) {
          throw new TarFormatException("archive ends after an extension header for a member");
        }
        ended = true;
        return null;
      }
      if (!TarFields.checksumOk(h)) {
        throw new TarFormatException("tar header checksum mismatch after '" + last + "'");
      }
      char type = (char) h[TarFields.TYPE];
      long size = TarFields.number(h, TarFields.SIZE, 12, "size");
      String name = TarFields.headerName(h);
      switch (type) {
        case 'x' -> pax.putAll(PaxRecords.parse(meta(size, name), name));
        case 'g' -> globals.putAll(PaxRecords.parse(meta(size, name), name));
        case 'L' -> longName = TarFields.cString(meta(size, name));
        case 'K' -> longLink = TarFields.cString(meta(size, name));
        case 'V' -> skipData(size, name);
        default -> {
          return member(h, type, size, name, pax, longName, longLink);
        }
      }
    }
  }

  /**
   * The current entry's data (regular files only; empty for others). Reading past the end returns
   * -1; the stream must not be used after the next call to {@link #next}. Closing it does nothing.
   */
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw truncated();
        }
        remaining -= n;
        return n;
      }
    };
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private FileEntry member(
      byte[] h,
      char type,
      long headerSize,
      String headerName,
      Map<String, byte[]> local,
      String longName,
      String longLink)
      throws IOException {
    Map<String, byte[]> pax = new TreeMap<>(globals);
    pax.putAll(local);
    String raw = text(pax, "path", longName != null ? longName : headerName);
    last = raw;
    if (pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."))) {
      throw new TarFormatException("sparse member '" + raw + "' is not supported");
    }
    long size = pax.containsKey("size") ? TarFields.decimal(pax, "size", raw) : headerSize;
    if (size < 0) {
      throw new TarFormatException("member '" + raw + "' has a negative size");
    }
    if (++count > options.maxEntries()) {
      throw new TarLimitException(raw, "more than " + options.maxEntries() + " entries");
    }
    FileType ft = fileType(type, raw);
    String path = safePath(raw, raw);
    if (path.isEmpty() && ft != FileType.DIRECTORY) {
      throw new UnsafePathException(raw, "only a directory may stand for the archive root");
    }
    if (options.rootless() && (ft == FileType.CHAR_DEVICE || ft == FileType.BLOCK_DEVICE)) {
      throw new UnsafePathException(raw, "device nodes are refused in rootless mode");
    }
    String link = null;
    if (ft == FileType.SYMLINK || ft == FileType.HARDLINK) {
      link = text(pax, "linkpath", longLink != null ? longLink : string(h, TarFields.LINKNAME));
      if (link.isEmpty() || link.indexOf(0) >= 0) {
        throw new UnsafePathException(raw, "link target is empty or contains a NUL byte");
      }
      if (ft == FileType.HARDLINK) {
        link = safePath(link, raw);
      }
    }
    long dataSize = ft == FileType.REGULAR ? size : 0;
    if (dataSize > options.maxEntrySize()) {
      throw new TarLimitException(
          raw, size + " bytes exceed the per-entry limit of " + options.maxEntrySize());
    }
    account(size, raw);
    remaining = size;
    padding = pad(size);
    return new FileEntry(
        path,
        ft,
        (int) (TarFields.number(h, TarFields.MODE, 8, "mode") & 07777),
        (int)
            (pax.containsKey("uid")
                ? TarFields.decimal(pax, "uid", raw)
                : field(h, TarFields.UID, "uid")),
        (int)
            (pax.containsKey("gid")
                ? TarFields.decimal(pax, "gid", raw)
                : field(h, TarFields.GID, "gid")),
        pax.containsKey("mtime")
            ? mtime(pax.get("mtime"), raw)
            : TarFields.number(h, TarFields.MTIME, 12, "mtime"),
        dataSize,
        null,
        link,
        device(h, pax, "SCHILY.devmajor", TarFields.DEVMAJOR, ft, raw),
        device(h, pax, "SCHILY.devminor", TarFields.DEVMINOR, ft, raw),
        xattrs(pax));
  }

  private static FileType fileType(char type, String raw) throws TarFormatException {
    return switch (type) {
      case '0', '\0', '7' -> raw.endsWith("/") ? FileType.DIRECTORY : FileType.REGULAR;
      case '1' -> FileType.HARDLINK;
      case '2' -> FileType.SYMLINK;
      case '3' -> FileType.CHAR_DEVICE;
      case '4' -> FileType.BLOCK_DEVICE;
      case '5', 'D' -> FileType.DIRECTORY;
      case '6' -> FileType.FIFO;
      case 'S' -> throw new TarFormatException("sparse member '" + raw + "' is not supported");
      default ->
          throw new TarFormatException(
              "member '" + raw + "' has unsupported type '" + printable(type) + "'");
    };
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
  }

  /**
   * Normalizes a member name by the rules in the class comment. {@code entry} names the member in
   * errors (for a hard link target it is the link's own name).
   */
  String safePath(String raw, String entry) {
    String p = raw;
    if (p.indexOf(0) >= 0) {
      throw new UnsafePathException(entry, "the name contains a NUL byte");
    }
    if (p.startsWith("/")) {
      if (!options.stripLeadingSlash()) {
        throw new UnsafePathException(entry, "absolute path '" + raw + "'");
      }
      p = p.replaceFirst("^/+", "");
    }
    StringBuilder out = new StringBuilder();
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw new UnsafePathException(entry, "'" + raw + "' contains '..'");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        out.append(out.isEmpty() ? "" : "/").append(part);
      }
    }
    return out.toString();
  }

  private void account(long size, String raw) throws TarLimitException {
    declared += size;
    if (declared > options.maxTotalSize() || declared < 0) {
      throw new TarLimitException(
          raw, "archive content exceeds the total limit of " + options.maxTotalSize() + " bytes");
    }
  }

  private byte[] meta(long size, String name) throws IOException {
    if (size > options.maxHeaderSize()) {
      throw new TarLimitException(
          name, "extension header of " + size + " bytes exceeds " + options.maxHeaderSize());
    }
    account(size, name);
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw truncated();
    }
    skipFully(pad(size));
    return data;
  }

  private void skipData(long size, String name) throws IOException {
    account(size, name);
    skipFully(size + pad(size));
  }

  private static String string(byte[] h, int off) {
    return TarFields.string(h, off, 100);
  }

  private static String text(Map<String, byte[]> pax, String key, String fallback) {
    byte[] v = pax.get(key);
    return v == null ? fallback : new String(v, StandardCharsets.UTF_8);
  }

  private static long mtime(byte[] v, String raw) throws TarFormatException {
    String s = new String(v, StandardCharsets.US_ASCII).strip();
    try {
      return new BigDecimal(s).setScale(0, RoundingMode.FLOOR).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new TarFormatException("PAX mtime of '" + raw + "' is not a number: " + s);
    }
  }

  private static long field(byte[] h, int off, String name) throws TarFormatException {
    long v = TarFields.number(h, off, 8, name);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new TarFormatException(name + " out of range: " + v);
    }
    return v;
  }

  private static int device(
      byte[] h, Map<String, byte[]> pax, String key, int off, FileType ft, String raw)
      throws TarFormatException {
    if (ft != FileType.CHAR_DEVICE && ft != FileType.BLOCK_DEVICE) {
      return 0;
    }
    return (int) (pax.containsKey(key) ? TarFields.decimal(pax, key, raw) : field(h, off, key));
  }

  private static TreeMap<String, String> xattrs(Map<String, byte[]> pax) {
    TreeMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : pax.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("LIBARCHIVE.xattr.")) {
        String name =
            java.net.URLDecoder.decode(
                k.substring("LIBARCHIVE.xattr.".length()), StandardCharsets.UTF_8);
        byte[] value = java.util.Base64.getDecoder().decode(e.getValue());
        out.putIfAbsent(name, new String(value, StandardCharsets.ISO_8859_1));
      }
    }
    for (Map.Entry<String, byte[]> e : pax.entrySet()) {
      if (e.getKey().startsWith("SCHILY.xattr.")) {
        out.put(
            e.getKey().substring("SCHILY.xattr.".length()),
            new String(e.getValue(), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  private byte[] readBlock() throws IOException {
    byte[] h = in.readNBytes(BLOCK);
    if (h.length == 0) {
      return null; // Tolerated: some writers omit the two zero blocks at the end.
    }
    if (h.length < BLOCK) {
      throw truncated();
    }
    return h;
  }

  private void skipRest() throws IOException {
    skipFully(remaining + padding);
    remaining = 0;
    padding = 0;
  }

  private void skipFully(long n) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw truncated();
      }
      n -= r;
    }
  }

  private TarFormatException truncated() {
    return new TarFormatException("tar archive is truncated (in or after '" + last + "')");
  }

  private static long pad(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }
}
