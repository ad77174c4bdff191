package dev.ingot.scan.db;

/** The advisory database or an import source cannot be read; the message says what to do. */
public final class AdvisoryDbException extends RuntimeException {
  public AdvisoryDbException(String message) {
    super(message);
  }

  public AdvisoryDbException(String message, Throwable cause) {
    super(message, cause);
  }
}
