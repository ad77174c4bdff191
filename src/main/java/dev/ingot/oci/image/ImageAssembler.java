package dev.ingot.oci.image;

import dev.ingot.fs.BlobStore;
import dev.ingot.oci.layer.Layer;
import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.History;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageConfig;
import dev.ingot.oci.model.Manifest;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts an image together from layers: config (platform, execution config, diff ids, history) and
 * manifest (config and layer descriptors, annotations), both stored in the blob store. On a base
 * image the base's layers and history come first, and the manifest gets the {@code
 * org.opencontainers.image.base.*} annotations. Everything depends only on the inputs, so equal
 * inputs give the same manifest digest. Thread-safe (no state).
 */
public final class ImageAssembler {
  public static final String CREATED = "org.opencontainers.image.created";
  public static final String BASE_NAME = "org.opencontainers.image.base.name";
  public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

  /**
   * What the new image says about itself: {@code created} as epoch seconds, {@code createdBy} and
   * {@code comment} go into each new history entry, {@code baseName} is the reference the base was
   * pulled by (null without a base).
   */
  public record Spec(
      Platform platform,
      ContainerConfig config,
      long created,
      String author,
      Map<String, String> annotations,
      String createdBy,
      String baseName) {}

  private ImageAssembler() {}

  /** RFC 3339 in UTC without fractions, e.g. 2024-01-02T03:04:05Z. */
  public static String rfc3339(long epochSeconds) {
    return Instant.ofEpochSecond(Math.max(0, epochSeconds)).toString();
  }

  public static Image assemble(BlobStore blobs, Image base, List<Layer> layers, Spec spec)
      throws IOException {
    String created = rfc3339(spec.created());
    List<Descriptor> descriptors = new ArrayList<>();
    ImageConfig config;
    if (base != null) {
      for (Descriptor l : base.manifest().layers()) {
        // An OCI manifest names layers by OCI media types; Docker's gzip type is the same bytes.
        descriptors.add(
            l.mediaType().equals(MediaTypes.DOCKER_LAYER_GZIP)
                ? l.withMediaType(MediaTypes.OCI_LAYER_GZIP)
                : l);
      }
      ImageConfig b = base.config();
      config =
          new ImageConfig(
              created, spec.author(), spec.platform(), spec.config(), b.diffIds(), b.history());
    } else {
      config =
          new ImageConfig(
              created, spec.author(), spec.platform(), spec.config(), List.of(), List.of());
    }
    for (Layer l : layers) {
      descriptors.add(l.descriptor());
      config =
          config.plusLayer(
              l.diffId(), new History(created, spec.createdBy(), spec.author(), null, false));
    }
    byte[] configBytes = config.toBytes();
    Descriptor cd = Descriptor.of(MediaTypes.OCI_CONFIG, configBytes);
    blobs.put(new ByteArrayInputStream(configBytes), cd.digest());
    Map<String, String> annotations = new TreeMap<>(spec.annotations());
    annotations.putIfAbsent(CREATED, created);
    if (base != null) {
      annotations.putIfAbsent(BASE_DIGEST, base.digest().toString());
      if (spec.baseName() != null) {
        annotations.putIfAbsent(BASE_NAME, spec.baseName());
      }
    }
    Manifest m = Manifest.oci(cd, descriptors, annotations);
    byte[] mb = m.toBytes();
    Descriptor md = Descriptor.of(MediaTypes.OCI_MANIFEST, mb).withPlatform(spec.platform());
    blobs.put(new ByteArrayInputStream(mb), md.digest());
    return new Image(md, m, config, blobs);
  }
}
