package dev.ingot.oci.model;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * One image (one platform): its manifest descriptor, manifest and config, with every blob it names
 * (manifest, config, layers) readable from {@code blobs}. Immutable; the store is shared.
 */
public record Image(Descriptor descriptor, Manifest manifest, ImageConfig config, BlobStore blobs) {
  public Digest digest() {
    return descriptor.digest();
  }

  /** The same image with its blobs read from {@code store} (which must hold them all). */
  public Image withBlobs(BlobStore store) {
    return new Image(descriptor, manifest, config, store);
  }

  /** Every blob digest, manifest and config first, then layers. */
  public List<Digest> blobDigests() {
    List<Digest> out = new ArrayList<>();
    out.add(descriptor.digest());
    out.add(manifest.config().digest());
    manifest.layers().forEach(l -> out.add(l.digest()));
    return out;
  }

  /** Total size in bytes of config and layers (as stored, compressed). */
  public long size() {
    return manifest.config().size() + manifest.layers().stream().mapToLong(Descriptor::size).sum();
  }
}
