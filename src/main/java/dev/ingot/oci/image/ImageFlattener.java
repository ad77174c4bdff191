package dev.ingot.oci.image;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.LayerApplier;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import java.io.BufferedInputStream;
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

  public ImageFlattener(BlobStore contents, TarReadOptions options) {
    this.contents = contents;
    this.options = options;
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
    LayerApplier applier = new LayerApplier(contents, options);
    for (int i = 0; i < layers.size(); i++) {
      Descriptor l = layers.get(i);
      MessageDigest packed = Digest.sha256Md();
      MessageDigest raw = Digest.sha256Md();
      try (InputStream blob = new DigestInputStream(img.blobs().open(l.digest()), packed);
          InputStream tar =
              new DigestInputStream(
                  Compression.autoDecompress(new BufferedInputStream(blob, 1 << 16)), raw)) {
        tree = applier.apply(tree, tar);
        tar.transferTo(java.io.OutputStream.nullOutputStream()); // The padding after the end.
        blob.transferTo(java.io.OutputStream.nullOutputStream());
      }
      check(l.digest(), Digest.fromSha256(packed.digest()), "layer " + (i + 1) + " blob");
      check(diffIds.get(i), Digest.fromSha256(raw.digest()), "layer " + (i + 1) + " diff id");
    }
    return tree;
  }

  private static void check(Digest want, Digest got, String what) throws IOException {
    if (!want.equals(got)) {
      throw new IOException(what + " is " + got + ", expected " + want + ": the image is damaged");
    }
  }
}
