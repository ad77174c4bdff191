package dev.ingot.diag;

/**
 * A position in a source file: 1-based line and column (in Unicode code points), 0-based byte
 * offset into the UTF-8 text.
 */
public record Pos(int line, int column, int byteOffset) {
  public static final Pos START = new Pos(1, 1, 0);

  public Pos {
    if (line < 1 || column < 1 || byteOffset < 0) {
      throw new IllegalArgumentException("bad position " + line + ":" + column + "@" + byteOffset);
    }
  }
}
