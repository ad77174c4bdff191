package dev.ingot.fs.tar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Encoding and decoding of the fixed fields of a 512-byte tar header. Pure; thread-safe. */
final class TarFields {
  static final int BLOCK = 512;
  static final int NAME = 0;
  static final int MODE = 100;
  static final int UID = 108;
  static final int GID = 116;
  static final int SIZE = 124;
  static final int MTIME = 136;
  static final int CHKSUM = 148;
  static final int TYPE = 156;
  static final int LINKNAME = 157;
  static final int MAGIC = 257;
  static final int UNAME = 265;
  static final int GNAME = 297;
  static final int DEVMAJOR = 329;
  static final int DEVMINOR = 337;
  static final int PREFIX = 345;

  private TarFields() {}

  /** A NUL-terminated string field, as UTF-8 when valid and ISO-8859-1 otherwise. */
  static String string(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return decode(h, off, end - off);
  }

  static String decode(byte[] b, int off, int len) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
  }

  /** The member name of a header: ustar's prefix and name joined, else the name field. */
  static String headerName(byte[] h) {
    String name = string(h, NAME, 100);
    boolean posix = h[MAGIC] == 'u' && h[MAGIC + 5] == 0 && h[MAGIC + 4] == 'r';
    if (posix && h[PREFIX] != 0) {
      return string(h, PREFIX, 155) + "/" + name;
    }
    return name;
  }

  /** The data of a GNU long-name or long-link header: a NUL-terminated string. */
  static String cString(byte[] data) {
    int end = 0;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    return decode(data, 0, end);
  }

  /** A decimal PAX record such as size or uid; {@code raw} names the member in the message. */
  static long decimal(java.util.Map<String, byte[]> pax, String key, String raw)
      throws TarFormatException {
    String s = new String(pax.get(key), StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new TarFormatException("PAX " + key + " of '" + raw + "' is not a number: " + s);
    }
  }

  /**
   * A numeric field: octal digits, optionally padded with spaces or NULs, or GNU base-256 when the
   * first byte has its high bit set (0x80 positive, 0xff negative).
   */
  static long number(byte[] h, int off, int len, String field) throws TarFormatException {
    if ((h[off] & 0x80) != 0) {
      long v = (h[off] & 0xff) == 0xff ? -1 : h[off] & 0x7f;
      for (int i = off + 1; i < off + len; i++) {
        if (v > (Long.MAX_VALUE >> 8) || v < (Long.MIN_VALUE >> 8)) {
          throw new TarFormatException("tar header field " + field + " overflows 64 bits");
        }
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    int i = off;
    int end = off + len;
    while (i < end && (h[i] == ' ' || h[i] == 0)) {
      i++;
    }
    long v = 0;
    for (; i < end && h[i] != ' ' && h[i] != 0; i++) {
      if (h[i] < '0' || h[i] > '7') {
        throw new TarFormatException(
            "tar header field " + field + " is not an octal number (byte " + (h[i] & 0xff) + ")");
      }
      if (v > (Long.MAX_VALUE >> 3)) {
        throw new TarFormatException("tar header field " + field + " overflows 64 bits");
      }
      v = (v << 3) | (h[i] - '0');
    }
    return v;
  }

  /** True when the stored checksum matches the header (unsigned or historic signed sum). */
  static boolean checksumOk(byte[] h) throws TarFormatException {
    long stored = number(h, CHKSUM, 8, "chksum");
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int b = (i >= CHKSUM && i < CHKSUM + 8) ? ' ' : h[i];
      unsigned += b & 0xff;
      signed += b;
    }
    return stored == unsigned || stored == signed;
  }

  static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code v} as zero-padded octal digits filling {@code len - 1} bytes plus a NUL. */
  static void putOctal(byte[] h, int off, int len, long v) {
    String s = Long.toOctalString(v);
    int digits = len - 1;
    if (s.length() > digits) {
      throw new IllegalArgumentException("value " + v + " does not fit a " + len + "-byte field");
    }
    for (int i = 0; i < digits - s.length(); i++) {
      h[off + i] = '0';
    }
    for (int i = 0; i < s.length(); i++) {
      h[off + digits - s.length() + i] = (byte) s.charAt(i);
    }
    h[off + digits] = 0;
  }

  static void putBytes(byte[] h, int off, byte[] value) {
    System.arraycopy(value, 0, h, off, value.length);
  }

  /** Fills in the checksum field of a complete header (6 octal digits, NUL, space). */
  static void putChecksum(byte[] h) {
    for (int i = CHKSUM; i < CHKSUM + 8; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    putOctal(h, CHKSUM, 7, sum);
    h[CHKSUM + 7] = ' ';
  }
}
