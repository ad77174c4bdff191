package dev.ingot.template.hcl;

import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import java.nio.charset.StandardCharsets;

/**
 * A read position in UTF-8 source bytes that keeps line, column (in code points) and byte offset up
 * to date. Invalid UTF-8 is read one byte at a time as code point {@link #BAD}. Not thread-safe.
 */
final class Cursor {
  /** The code point reported for a byte that is not valid UTF-8. */
  static final int BAD = -2;

  /** The code point reported at the end of input. */
  static final int END = -1;

  private final byte[] src;
  private final String filename;
  private final int baseByte;
  private int pos;
  private int line;
  private int column;

  Cursor(byte[] src, String filename, Pos start) {
    this.src = src;
    this.filename = filename;
    this.baseByte = start.byteOffset();
    this.line = start.line();
    this.column = start.column();
  }

  boolean atEnd() {
    return pos >= src.length;
  }

  int offset() {
    return pos;
  }

  /** The byte {@code ahead} positions on, or -1 past the end. */
  int peekByte(int ahead) {
    int i = pos + ahead;
    return i < src.length ? src[i] & 0xff : -1;
  }

  boolean lookingAt(String ascii) {
    if (pos + ascii.length() > src.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (src[pos + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The code point at the read position without consuming it. */
  int peek() {
    return decode(pos);
  }

  /** Consumes one code point (or one invalid byte) and returns it. */
  int next() {
    int cp = decode(pos);
    if (cp == END) {
      return END;
    }
    pos += cp == BAD ? 1 : lengthOf(cp);
    if (cp == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    return cp;
  }

  /** Consumes code points until the byte offset is at least {@code offset}. */
  void advanceTo(int offset) {
    while (pos < offset && pos < src.length) {
      next();
    }
  }

  /** Consumes {@code n} code points. */
  void skip(int n) {
    for (int i = 0; i < n; i++) {
      next();
    }
  }

  Pos pos() {
    return new Pos(line, column, baseByte + pos);
  }

  Range rangeFrom(Pos start) {
    return new Range(filename, start, pos());
  }

  /** The source text between a byte offset (from {@link #offset()}) and the read position. */
  String textFrom(int startOffset) {
    return new String(src, startOffset, pos - startOffset, StandardCharsets.UTF_8);
  }

  private int decode(int i) {
    if (i >= src.length) {
      return END;
    }
    int b = src[i] & 0xff;
    if (b < 0x80) {
      return b;
    }
    int len;
    int cp;
    int min;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      cp = b & 0x07;
      min = 0x10000;
    } else {
      return BAD;
    }
    if (i + len > src.length) {
      return BAD;
    }
    for (int k = 1; k < len; k++) {
      int c = src[i + k] & 0xff;
      if ((c & 0xc0) != 0x80) {
        return BAD;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return BAD;
    }
    return cp;
  }

  private static int lengthOf(int cp) {
    if (cp < 0x80) {
      return 1;
    } else if (cp < 0x800) {
      return 2;
    } else if (cp < 0x10000) {
      return 3;
    }
    return 4;
  }
}
