package dev.ingot.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage of file contents by sha256. Implementations must be safe for concurrent
 * use by several threads and several processes sharing one cache directory.
 */
public interface BlobStore {
  /** Stores the stream's bytes (verifying nothing) and returns their digest. */
  Digest put(InputStream in) throws IOException;

  /** Stores bytes that must hash to {@code expected}; throws if they do not. */
  Digest put(InputStream in, Digest expected) throws IOException;

  boolean has(Digest d);

  InputStream open(Digest d) throws IOException;

  /** The file holding the blob, for hard-linking or reflinking into a staging tree. */
  Path path(Digest d);

  long size(Digest d) throws IOException;
}
