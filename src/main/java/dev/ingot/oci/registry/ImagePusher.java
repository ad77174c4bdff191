package dev.ingot.oci.registry;

import dev.ingot.fs.Digest;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Manifest;
import dev.ingot.plugin.BuildLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes an image to a repository: every blob not already there (HEAD) is mounted from a repository
 * of the same registry that has it, or uploaded — up to {@link RegistrySettings#parallel} at once —
 * then the manifest is put under each tag (or by digest). Thread-safe (no state).
 */
public final class ImagePusher {
  private final RegistryClient client;
  private final BuildLog log;

  public ImagePusher(RegistryClient client, BuildLog log) {
    this.client = client;
    this.log = log;
  }

  /** Pushes {@code img} to {@code repo}; returns the manifest digest. */
  public Digest push(Image img, String repo, List<String> tags, List<String> mountFrom)
      throws IOException {
    client.ping();
    List<Descriptor> blobs = new ArrayList<>();
    blobs.add(img.manifest().config());
    blobs.addAll(img.manifest().layers());
    pushBlobs(img, repo, blobs, mountFrom);
    byte[] bytes = img.blobs().open(img.digest()).readAllBytes();
    String mt = img.manifest().mediaType();
    for (String ref : tags.isEmpty() ? List.of(img.digest().toString()) : tags) {
      RegistryClient.Put put = client.putManifest(repo, ref, bytes, mt);
      if (!put.digest().equals(img.digest())) {
        throw new IOException("manifest digest changed on the way: " + put.digest());
      }
      log.info("pushed " + client.host() + "/" + repo + ":" + ref + "@" + img.digest());
    }
    return img.digest();
  }

  /** Pushes an artifact manifest that refers to {@code subject} (an SBOM, a signature). */
  public Digest pushReferrer(Image artifact, String repo) throws IOException {
    Manifest m = artifact.manifest();
    if (m.subject() == null) {
      throw new IllegalArgumentException("a referrer needs a subject");
    }
    client.ping();
    List<Descriptor> blobs = new ArrayList<>();
    blobs.add(m.config());
    blobs.addAll(m.layers());
    pushBlobs(artifact, repo, blobs, List.of());
    byte[] bytes = artifact.blobs().open(artifact.digest()).readAllBytes();
    RegistryClient.Put put =
        client.putManifest(repo, artifact.digest().toString(), bytes, m.mediaType());
    if (!put.subjectIndexed()) {
      new ReferrersFallback(client)
          .add(repo, m.subject().digest(), referrerDescriptor(artifact, bytes));
    }
    return artifact.digest();
  }

  private static Descriptor referrerDescriptor(Image a, byte[] bytes) {
    Manifest m = a.manifest();
    String at = m.artifactType() != null ? m.artifactType() : m.config().mediaType();
    return Descriptor.of(m.mediaType(), a.digest(), bytes.length)
        .withArtifactType(at)
        .withAnnotations(m.annotations());
  }

  private void pushBlobs(Image img, String repo, List<Descriptor> blobs, List<String> mountFrom)
      throws IOException {
    // A blob listed twice (equal layers, a config equal to a layer) goes up once, not twice at
    // once.
    java.util.Map<Digest, Descriptor> once = new java.util.LinkedHashMap<>();
    blobs.forEach(d -> once.putIfAbsent(d.digest(), d));
    List<Parallel.Job> jobs = new ArrayList<>();
    for (Descriptor d : once.values()) {
      jobs.add(() -> pushBlob(img, repo, d, mountFrom));
    }
    Parallel.run(client.settings().parallel(), jobs);
  }

  private void pushBlob(Image img, String repo, Descriptor d, List<String> mountFrom)
      throws IOException {
    if (client.blobExists(repo, d.digest(), Auth.pushScope(repo, mountFrom))) {
      log.info("blob " + d.digest().hex().substring(0, 12) + " already in " + repo);
      return;
    }
    for (String from : mountFrom) {
      if (!from.equals(repo) && client.mount(repo, d.digest(), from)) {
        log.info("mounted " + d.digest().hex().substring(0, 12) + " from " + from);
        return;
      }
    }
    long size = img.blobs().size(d.digest());
    if (size != d.size()) {
      throw new IOException(
          "blob "
              + d.digest()
              + " ("
              + img.blobs().path(d.digest())
              + ") has "
              + size
              + " bytes but the manifest says "
              + d.size()
              + ": the image is damaged (its manifest was not pushed)");
    }
    client.uploadBlob(repo, d.digest(), img.blobs().path(d.digest()), size);
    log.info("uploaded " + d.digest().hex().substring(0, 12) + " (" + size + " bytes)");
  }
}
