package dev.ingot.fs.tar;

import java.io.IOException;

/**
 * A tar stream that exceeds a configured limit (entry size, total size, entry count, header size):
 * the guard against decompression bombs. {@code entry} names the entry that crossed the limit.
 */
public final class TarLimitException extends IOException {
  private final String entry;

  public TarLimitException(String entry, String message) {
    super("archive entry '" + entry + "': " + message);
    this.entry = entry;
  }

  public String entry() {
    return entry;
  }
}
