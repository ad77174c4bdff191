package dev.ingot.template.fn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small text files a template names (templates, var files, {@code file()} arguments):
 * regular files only, and at most {@link #MAX_BYTES}. A device or pipe is refused before it is
 * opened ({@code file("/dev/zero")} read until the JVM ran out of memory; a FIFO would block), and
 * a file that grows while it is read stops at the limit. Stateless; thread-safe.
 */
public final class TextFiles {
  /** Templates read small text files, not disk images. */
  public static final long MAX_BYTES = 64L << 20;

  private TextFiles() {}

  /** The bytes of {@code p}; an IOException whose message says what is wrong otherwise. */
  public static byte[] read(Path p) throws IOException {
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      throw new IOException(
          Files.isDirectory(p)
              ? "it is a directory, not a file"
              : "it is not a regular file (a device, pipe or socket)");
    }
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes((int) MAX_BYTES + 1);
      if (b.length > MAX_BYTES) {
        throw new IOException("it is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return b;
    }
  }
}
