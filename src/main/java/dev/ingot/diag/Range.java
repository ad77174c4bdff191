package dev.ingot.diag;

/** A half-open span of a source file, as in HCL's {@code hcl.Range}. */
public record Range(String filename, Pos start, Pos end) {
  public Range {
    if (filename == null || start == null || end == null) {
      throw new IllegalArgumentException("range needs a file, a start and an end");
    }
  }

  /** A zero-width range at the start of {@code filename}, for file-level problems. */
  public static Range fileStart(String filename) {
    return new Range(filename, Pos.START, Pos.START);
  }

  /** The smallest range covering this one and {@code other} (same file). */
  public Range to(Range other) {
    return new Range(filename, start, other.end);
  }

  @Override
  public String toString() {
    return filename
        + ":"
        + start.line()
        + ","
        + start.column()
        + "-"
        + end.line()
        + ","
        + end.column();
  }
}
