package dev.ingot.pkg.deb.repo;

/**
 * A repository that cannot be used: bad or missing signature, expired metadata, a file whose hash
 * does not match, a missing suite. The message names the file and says what to do.
 */
public final class RepositoryException extends RuntimeException {
  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
