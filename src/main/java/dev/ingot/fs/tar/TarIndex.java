package dev.ingot.fs.tar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regular members of a tar file and where their bytes lie, found by reading headers only and
 * seeking over the data, for archives read in place (the disk inside an OVA). Names are as written
 * (PAX {@code path}, GNU long names, ustar prefix); nothing is extracted, so they are not checked
 * as {@link TarInput} checks them. A member that runs past the end of the file is an error, so a
 * truncated archive is not mistaken for a shorter one. Stateless.
 */
public final class TarIndex {
  private TarIndex() {}

  /** A regular member: its name, the file offset of its first byte, and its size. */
  public record Member(String name, long offset, long size) {}

  /** At most this many members are listed (an index, not an extractor). */
  private static final int MAX_MEMBERS = 100_000;

  public static List<Member> regularMembers(FileChannel ch) throws IOException {
    List<Member> out = new ArrayList<>();
    long size = ch.size();
    long pos = 0;
    Map<String, byte[]> pax = new TreeMap<>();
    String longName = null;
    while (pos + TarFields.BLOCK <= size) {
      byte[] h = new byte[TarFields.BLOCK];
      read(ch, pos, h);
      if (TarFields.isZero(h)) {
        break;
      }
      if (!TarFields.checksumOk(h)) {
        throw new TarFormatException("tar header checksum mismatch at byte " + pos);
      }
      char type = (char) h[TarFields.TYPE];
      long len = TarFields.number(h, TarFields.SIZE, 12, "size");
      long data = pos + TarFields.BLOCK;
      // Compared without adding: a base-256 size near 2^63 overflowed the sum past the check.
      if (len < 0 || len > size - data) {
        throw new TarFormatException(
            "tar member at byte " + pos + " runs past the end of the file");
      }
      switch (type) {
        case 'x' -> pax.putAll(PaxRecords.parse(meta(ch, data, len), "PAX header"));
        case 'L' -> longName = TarFields.cString(meta(ch, data, len));
        case 'g', 'K', 'V' -> {}
        default -> {
          String name = name(h, pax, longName);
          // GNU sparse members keep a map of holes (after the header for type S, as PAX records
          // or at the start of the data for PAX sparse): read as plain data they are other bytes,
          // and the old format's extension headers were taken for a damaged next header.
          if (type == 'S' || pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse."))) {
            throw new TarFormatException(
                "tar member '"
                    + name
                    + "' is stored as a GNU sparse file, which Ingot does not read in place;"
                    + " make the archive without --sparse (or with --format=ustar)");
          }
          long real = pax.containsKey("size") ? TarFields.decimal(pax, "size", name) : len;
          // A negative PAX size moved the next header back: the index looped for ever.
          if (real < 0 || real > size - data) {
            throw new TarFormatException("tar member '" + name + "' runs past the end of the file");
          }
          if (type == '0' || type == 0) {
            if (out.size() >= MAX_MEMBERS) {
              throw new TarFormatException("more than " + MAX_MEMBERS + " tar members");
            }
            out.add(new Member(name, data, real));
          }
          len = type == '0' || type == 0 || type == '7' ? real : len;
          pax.clear();
          longName = null;
        }
      }
      pos = data + (len + TarFields.BLOCK - 1) / TarFields.BLOCK * TarFields.BLOCK;
    }
    return out;
  }

  private static String name(byte[] h, Map<String, byte[]> pax, String longName) {
    if (pax.containsKey("path")) {
      return new String(pax.get("path"), StandardCharsets.UTF_8);
    }
    return longName != null ? longName : TarFields.headerName(h);
  }

  /**
   * The name in the first header of an archive whose first 512 bytes are {@code head}, or null when
   * it is not a ustar/PAX tar; "" when that header is a PAX extension (the name is in its data).
   */
  public static String firstName(ByteBuffer head) {
    if (head.limit() < TarFields.BLOCK) {
      return null;
    }
    byte[] h = new byte[TarFields.BLOCK];
    head.get(0, h);
    boolean ustar =
        h[TarFields.MAGIC] == 'u'
            && h[TarFields.MAGIC + 1] == 's'
            && h[TarFields.MAGIC + 2] == 't'
            && h[TarFields.MAGIC + 3] == 'a'
            && h[TarFields.MAGIC + 4] == 'r';
    if (!ustar) {
      return null;
    }
    return h[TarFields.TYPE] == 'x' ? "" : TarFields.headerName(h);
  }

  private static byte[] meta(FileChannel ch, long at, long len) throws IOException {
    if (len > 1 << 20) {
      throw new TarFormatException("tar extension header of " + len + " bytes (at most 1 MiB)");
    }
    byte[] b = new byte[(int) len];
    read(ch, at, b);
    return b;
  }

  private static void read(FileChannel ch, long pos, byte[] into) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(into);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new TarFormatException("tar file ends inside a header at byte " + pos);
      }
    }
  }
}
