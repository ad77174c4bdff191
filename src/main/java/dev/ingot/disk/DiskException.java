package dev.ingot.disk;

import java.io.IOException;

/**
 * A disk could not be assembled: a tool failed (its output is in the message), the root filesystem
 * lacks a kernel, the size is too small. The message says what to do.
 */
public sealed class DiskException extends IOException permits NoRoomException {
  public DiskException(String message) {
    super(message);
  }

  public DiskException(String message, Throwable cause) {
    super(message, cause);
  }
}
