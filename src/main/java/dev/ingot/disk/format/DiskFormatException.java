package dev.ingot.disk.format;

import java.io.IOException;

/**
 * A disk image that cannot be read or written: a bad or unsupported header, a table pointing
 * outside the file, a feature Ingot does not implement. The message names the file and what to do.
 */
public sealed class DiskFormatException extends IOException
    permits LinkedFiles.OutsideFileException {
  public DiskFormatException(String message) {
    super(message);
  }

  public DiskFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
