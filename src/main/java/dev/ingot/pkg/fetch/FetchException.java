package dev.ingot.pkg.fetch;

import java.net.URI;

/**
 * A download that failed for good: not found, hash or size mismatch, retries exhausted, or a miss
 * in offline mode. {@link #notFound} tells callers that the server answered 404 (a package that is
 * gone from the mirror, a repository without InRelease).
 */
public final class FetchException extends RuntimeException {
  private final URI uri;
  private final boolean notFound;

  public FetchException(URI uri, String message, boolean notFound, Throwable cause) {
    super(message, cause);
    this.uri = uri;
    this.notFound = notFound;
  }

  public FetchException(URI uri, String message) {
    this(uri, message, false, null);
  }

  public URI uri() {
    return uri;
  }

  public boolean notFound() {
    return notFound;
  }
}
