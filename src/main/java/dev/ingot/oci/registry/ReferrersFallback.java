package dev.ingot.oci.registry;

import dev.ingot.fs.Digest;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.ImageIndex;
import dev.ingot.oci.model.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The referrers tag schema of distribution-spec 1.1, for registries without the referrers API: an
 * index tagged {@code <alg>-<hex>} of the subject lists its referrers; adding one rewrites that
 * index. Thread-safe (no state), but two writers at once may lose one entry, as the spec warns.
 */
final class ReferrersFallback {
  private final RegistryClient client;

  ReferrersFallback(RegistryClient client) {
    this.client = client;
  }

  void add(String repo, Digest subject, Descriptor referrer) throws IOException {
    ImageIndex current = client.fallbackIndex(repo, subject);
    List<Descriptor> entries = new ArrayList<>();
    for (Descriptor d : current.manifests()) {
      if (!d.digest().equals(referrer.digest())) {
        entries.add(d);
      }
    }
    entries.add(referrer);
    byte[] bytes = ImageIndex.oci(entries).toBytes();
    client.putManifest(repo, RegistryClient.fallbackTag(subject), bytes, MediaTypes.OCI_INDEX);
  }
}
