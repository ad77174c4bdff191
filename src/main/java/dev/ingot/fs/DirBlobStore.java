package dev.ingot.fs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * A {@link BlobStore} in a directory: {@code <root>/sha256/<first two hex>/<hex>}. Writes go to a
 * temporary file in the same directory and are renamed into place, so readers never see a partial
 * blob and two processes storing the same content both succeed. Thread- and process-safe.
 */
public final class DirBlobStore implements BlobStore {
  private final Path root;

  public DirBlobStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  @Override
  public Digest put(InputStream in) throws IOException {
    return put(in, null);
  }

  /** Content up to this size is hashed in memory first, and not written when already stored. */
  private static final int SMALL = 64 << 10;

  @Override
  public Digest put(InputStream in, Digest expected) throws IOException {
    // Archives hold many small members, often the same (200,000 empty files in a docker-archive
    // took 25 s, a temporary file each): one already stored costs a stat now.
    byte[] head = in.readNBytes(SMALL);
    if (head.length < SMALL) {
      MessageDigest md = Digest.hasherFor(expected);
      Digest d = checked(expected, md.digest(head));
      if (Files.isRegularFile(path(d))) {
        return d;
      }
    }
    return write(new SequenceInputStream(new ByteArrayInputStream(head), in), expected);
  }

  private static Digest checked(Digest expected, byte[] hash) throws IOException {
    Digest d = Digest.named(expected, hash);
    if (expected != null && !expected.equals(d)) {
      throw new IOException("content digest mismatch: expected " + expected + ", got " + d);
    }
    return d;
  }

  private Digest write(InputStream in, Digest expected) throws IOException {
    Path tmpDir = root.resolve("tmp");
    Files.createDirectories(tmpDir);
    Path tmp = Files.createTempFile(tmpDir, "blob", ".part");
    try {
      // Content is named by sha256, unless it is expected under another algorithm's name.
      MessageDigest md = Digest.hasherFor(expected);
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
        in.transferTo(out);
      }
      Digest d = checked(expected, md.digest());
      Path dest = path(d);
      if (!Files.exists(dest)) {
        Files.createDirectories(dest.getParent());
        try {
          Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // Another writer stored the same content first; theirs is as good as ours.
        }
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
    return Files.newInputStream(path(d));
  }

  @Override
  public Path path(Digest d) {
    return root.resolve(d.algorithm()).resolve(d.hex().substring(0, 2)).resolve(d.hex());
  }

  @Override
  public long size(Digest d) throws IOException {
    return Files.size(path(d));
  }
}
