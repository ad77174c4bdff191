package dev.ingot.oci.registry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to talk to a registry. {@code insecure} allows plain HTTP, and only to a loopback address;
 * {@code caFile} is a PEM bundle trusted in addition to the JDK's CAs. {@code timeout} bounds each
 * request (uploads get one more second per MiB). Failed idempotent requests are retried up to
 * {@code attempts} times with exponential backoff from {@code backoff}. Blobs larger than {@code
 * chunkThreshold} bytes are uploaded in chunks of {@code chunkSize}; up to {@code parallel} blobs
 * move at once. Immutable.
 */
public record RegistrySettings(
    boolean insecure,
    Path caFile,
    Duration timeout,
    int attempts,
    Duration backoff,
    long chunkThreshold,
    long chunkSize,
    int parallel) {
  public static final RegistrySettings DEFAULTS =
      new RegistrySettings(
          false, null, Duration.ofSeconds(60), 6, Duration.ofMillis(200), 256L << 20, 64L << 20, 4);

  public RegistrySettings {
    if (attempts < 1 || chunkSize < 1 || parallel < 1) {
      throw new IllegalArgumentException("registry settings must be positive");
    }
  }

  public RegistrySettings withInsecure(boolean i) {
    return new RegistrySettings(
        i, caFile, timeout, attempts, backoff, chunkThreshold, chunkSize, parallel);
  }

  public RegistrySettings withCaFile(Path ca) {
    return new RegistrySettings(
        insecure, ca, timeout, attempts, backoff, chunkThreshold, chunkSize, parallel);
  }

  public RegistrySettings withChunking(long threshold, long size) {
    return new RegistrySettings(
        insecure, caFile, timeout, attempts, backoff, threshold, size, parallel);
  }

  public RegistrySettings withRetries(int n, Duration first) {
    return new RegistrySettings(
        insecure, caFile, timeout, n, first, chunkThreshold, chunkSize, parallel);
  }
}
