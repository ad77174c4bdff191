package dev.ingot.fs;

/** An archive or tree path that would escape its root. */
public final class UnsafePathException extends IllegalArgumentException {
  private final String path;

  public UnsafePathException(String path, String why) {
    super("unsafe path '" + path + "': " + why);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
