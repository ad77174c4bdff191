package dev.ingot.fs.tar;

import java.io.IOException;

/** A tar stream that is malformed or truncated, or uses a feature Ingot refuses (sparse files). */
public final class TarFormatException extends IOException {
  public TarFormatException(String message) {
    super(message);
  }
}
