package dev.ingot.oci.layout;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * The blobs of an OCI image layout, {@code <layout>/blobs/<alg>/<hex>}, as a {@link BlobStore}.
 * Writes go through a temporary file and a rename like {@link DirBlobStore}. Thread-safe.
 */
public final class LayoutBlobs implements BlobStore {
  private final Path layout;

  public LayoutBlobs(Path layout) {
    this.layout = layout;
  }

  @Override
  public Digest put(InputStream in) throws IOException {
    return put(in, null);
  }

  @Override
  public Digest put(InputStream in, Digest expected) throws IOException {
    // Content is named by sha256, unless it is expected under another algorithm's name.
    Files.createDirectories(
        layout.resolve("blobs").resolve(expected == null ? "sha256" : expected.algorithm()));
    Path tmp = Files.createTempFile(layout, "blob", ".part");
    try {
      // Hashed as it is copied: the blob is read once, not copied and then read back.
      MessageDigest md = Digest.hasherFor(expected);
      Files.copy(
          new DigestInputStream(in, md), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Digest d = Digest.named(expected, md.digest());
      if (expected != null && !expected.equals(d)) {
        throw new IOException("content digest mismatch: expected " + expected + ", got " + d);
      }
      if (!Files.exists(path(d))) {
        dev.ingot.plugin.OutputModes.asNewFile(tmp);
        Files.move(tmp, path(d), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return d;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public boolean has(Digest d) {
    return Files.isRegularFile(path(d));
  }

  @Override
  public InputStream open(Digest d) throws IOException {
    Path p = path(d);
    // A blob that is a FIFO or a link to /dev/zero would be read for ever (scan hung on one).
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      throw new IOException(
          "blob " + d + " of the layout " + layout + " is not a regular file (" + p + ")");
    }
    return Files.newInputStream(p);
  }

  @Override
  public Path path(Digest d) {
    return layout.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
  }

  @Override
  public long size(Digest d) throws IOException {
    return Files.size(path(d));
  }
}
