package dev.ingot.oci.image;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.UnsafePathException;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.ContentPolicy;
import dev.ingot.fs.tar.LayerApplier;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.IoMessages;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Applies an image's layers in order (whiteouts included) to get its file tree, file contents going
 * into a blob store. Each layer is checked twice as it streams: the compressed bytes against the
 * descriptor's digest and the uncompressed tar against the config's diff id. Extraction rules are
 * {@link LayerApplier}'s (no escapes, limits). Thread-safe (no state).
 */
public final class ImageFlattener {
  private final BlobStore contents;
  private final TarReadOptions options;
  private final ContentPolicy policy;
  private final Cancellation cancellation;

  public ImageFlattener(BlobStore contents, TarReadOptions options) {
    this(contents, options, ContentPolicy.ALL, new Cancellation());
  }

  /** {@code cancellation} stops the reading of a layer between two reads of its blob. */
  public ImageFlattener(
      BlobStore contents, TarReadOptions options, ContentPolicy policy, Cancellation cancellation) {
    this.contents = contents;
    this.options = options;
    this.policy = policy;
    this.cancellation = cancellation;
  }

  public FileTree flatten(Image img) throws IOException {
    return flatten(img, FileTree.empty());
  }

  /** Applies the layers of {@code img} onto {@code base}. */
  public FileTree flatten(Image img, FileTree base) throws IOException {
    List<Descriptor> layers = img.manifest().layers();
    List<Digest> diffIds = img.config().diffIds();
    if (layers.size() != diffIds.size()) {
      throw new IOException(
          "image "
              + img.digest()
              + " has "
              + layers.size()
              + " layers but its config lists "
              + diffIds.size()
              + " diff ids");
    }
    FileTree tree = base;
    LayerApplier applier = new LayerApplier(contents, options, policy);
    for (int i = 0; i < layers.size(); i++) {
      Descriptor l = layers.get(i);
      MessageDigest packed = l.digest().newHasher();
      MessageDigest raw = diffIds.get(i).newHasher();
      try (InputStream blob =
              new DigestInputStream(
                  new Checked(img.blobs().open(l.digest()), cancellation), packed);
          InputStream tar =
              new DigestInputStream(
                  Compression.autoDecompress(new BufferedInputStream(blob, 1 << 16)), raw)) {
        tree = applier.apply(tree, tar, policy.limitFor(l.size()));
        tar.transferTo(java.io.OutputStream.nullOutputStream()); // The padding after the end.
        blob.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException | UnsafePathException e) {
        // A tar or inflate error alone ("Unexpected end of ZLIB input stream") does not say which
        // of the image's blobs is at fault.
        throw new IOException("layer " + (i + 1) + " (" + l.digest() + "): " + why(e), e);
      }
      check(l.digest(), l.digest().withRaw(packed.digest()), "layer " + (i + 1) + " blob");
      check(diffIds.get(i), diffIds.get(i).withRaw(raw.digest()), "layer " + (i + 1) + " diff id");
    }
    return tree;
  }

  /** A blob stream that stops once the run is cancelled (a scan of a huge layer, Ctrl-C). */
  private static final class Checked extends FilterInputStream {
    private final Cancellation cancellation;

    Checked(InputStream in, Cancellation cancellation) {
      super(in);
      this.cancellation = cancellation;
    }

    @Override
    public int read() throws IOException {
      cancellation.check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      cancellation.check();
      return super.read(b, off, len);
    }
  }

  private static String why(Exception e) {
    if (e instanceof java.io.EOFException && String.valueOf(e.getMessage()).contains("ZLIB")) {
      return "its compressed data ends early: the blob is truncated";
    }
    return IoMessages.describe(e);
  }

  private static void check(Digest want, Digest got, String what) throws IOException {
    if (!want.equals(got)) {
      throw new IOException(what + " is " + got + ", expected " + want + ": the image is damaged");
    }
  }
}
