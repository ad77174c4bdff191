package dev.ingot.oci.registry;

import dev.ingot.fs.BlobStore;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageIndex;
import dev.ingot.oci.model.ImageRef;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import dev.ingot.plugin.BuildLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls an image into a blob store: resolves a tag to a manifest (through an index, to the manifest
 * for the platform), then downloads config and layers not already stored, each checked against its
 * digest. Thread-safe (no state).
 */
public final class ImagePuller {
  private final RegistryClient client;
  private final BuildLog log;

  public ImagePuller(RegistryClient client, BuildLog log) {
    this.client = client;
    this.log = log;
  }

  public Image pull(ImageRef ref, Platform platform, BlobStore into) throws IOException {
    return pull(ref, platform, into, true);
  }

  /** With {@code layers} false only manifest and config are fetched (for inspection). */
  public Image pull(ImageRef ref, Platform platform, BlobStore into, boolean layers)
      throws IOException {
    RegistryClient.Fetched top = client.getManifest(ref.repository(), ref.reference());
    into.put(new ByteArrayInputStream(top.bytes()), top.digest());
    Descriptor d = Descriptor.of(top.mediaType(), top.digest(), top.bytes().length);
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex idx = ImageIndex.parse(top.bytes(), top.mediaType());
      d =
          idx.forPlatform(platform)
              .orElseThrow(
                  () ->
                      new IOException(
                          ref
                              + " has no image for "
                              + platform
                              + " (it has "
                              + idx.manifests().stream()
                                  .map(m -> String.valueOf(m.platform()))
                                  .toList()
                              + ")"));
      RegistryClient.Fetched m = client.getManifest(ref.repository(), d.digest().toString());
      into.put(new ByteArrayInputStream(m.bytes()), m.digest());
    }
    dev.ingot.oci.model.Manifest manifest =
        dev.ingot.oci.model.Manifest.parse(into.open(d.digest()).readAllBytes(), d.mediaType());
    List<Descriptor> blobs = new ArrayList<>();
    blobs.add(manifest.config());
    if (layers) {
      blobs.addAll(manifest.layers());
    }
    fetchAll(ref.repository(), blobs, into);
    Image img = OciLayoutReader.resolve(into, d, platform, ref.toString());
    log.info("pulled " + ref + "@" + img.digest());
    return img;
  }

  private void fetchAll(String repo, List<Descriptor> blobs, BlobStore into) throws IOException {
    List<Parallel.Job> jobs = new ArrayList<>();
    for (Descriptor b : blobs) {
      if (!into.has(b.digest())) {
        jobs.add(() -> client.fetchBlob(repo, b.digest(), into));
      }
    }
    Parallel.run(client.settings().parallel(), jobs);
  }
}
