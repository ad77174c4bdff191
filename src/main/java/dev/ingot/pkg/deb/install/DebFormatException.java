package dev.ingot.pkg.deb.install;

/** A .deb that is malformed or unsafe to unpack; the message names the package file and why. */
public final class DebFormatException extends RuntimeException {
  public DebFormatException(String message) {
    super(message);
  }

  public DebFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
