package dev.ingot.pkg.pgp;

/** A signature that does not verify, or a keyring that cannot be read. The message names both. */
public final class PgpException extends RuntimeException {
  public PgpException(String message) {
    super(message);
  }

  public PgpException(String message, Throwable cause) {
    super(message, cause);
  }
}
