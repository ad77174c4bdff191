package dev.ingot.template.hcl;

import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;

/** Range arithmetic and HCL's way of writing a range in messages. */
final class Ranges {
  private Ranges() {}

  /** From the start of {@code a} to the end of {@code b}. */
  static Range between(Range a, Range b) {
    return new Range(a.filename(), a.start(), b.end());
  }

  /** The zero-width range at the end of {@code r}. */
  static Range endOf(Range r) {
    return new Range(r.filename(), r.end(), r.end());
  }

  /** The zero-width range at the start of {@code r}. */
  static Range startOf(Range r) {
    return new Range(r.filename(), r.start(), r.start());
  }

  /** As HCL prints it: {@code file:1,6-13} or {@code file:1,6-2,3}. */
  static String describe(Range r) {
    Pos s = r.start();
    Pos e = r.end();
    String head = r.filename() + ":" + s.line() + "," + s.column() + "-";
    if (s.line() == e.line()) {
      return head + e.column();
    }
    return head + e.line() + "," + e.column();
  }

  /** The position after reading {@code text} from {@code p} (code points, UTF-8 bytes). */
  static Pos advance(Pos p, String text) {
    int line = p.line();
    int col = p.column();
    int bytes = p.byteOffset();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Pos(line, col, bytes);
  }
}
