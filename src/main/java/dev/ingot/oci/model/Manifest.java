package dev.ingot.oci.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image manifest, OCI ({@link MediaTypes#OCI_MANIFEST}) or Docker schema 2 ({@link
 * MediaTypes#DOCKER_MANIFEST}); the two share this shape. {@code subject} and {@code artifactType}
 * are OCI 1.1 (referrers). {@link #toBytes} is the canonical encoding whose sha256 is the manifest
 * digest. Immutable.
 */
public record Manifest(
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations) {
  public Manifest {
    if (!MediaTypes.isManifest(mediaType)) {
      throw new IllegalArgumentException("not a manifest media type: " + mediaType);
    }
    if (config == null) {
      throw new IllegalArgumentException("a manifest needs a config descriptor");
    }
    layers = List.copyOf(layers);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static Manifest oci(Descriptor config, List<Descriptor> layers, Map<String, String> a) {
    return new Manifest(MediaTypes.OCI_MANIFEST, null, config, layers, null, a);
  }

  public Manifest withSubject(Descriptor s) {
    return new Manifest(mediaType, artifactType, config, layers, s, annotations);
  }

  public Manifest withArtifactType(String at) {
    return new Manifest(mediaType, at, config, layers, subject, annotations);
  }

  public byte[] toBytes() {
    Map<String, Object> m = JsonFields.ordered();
    m.put("schemaVersion", 2);
    m.put("mediaType", mediaType);
    JsonFields.putIf(m, "artifactType", artifactType);
    m.put("config", config.toJson());
    m.put("layers", layers.stream().map(Descriptor::toJson).toList());
    if (subject != null) {
      m.put("subject", subject.toJson());
    }
    JsonFields.putIf(m, "annotations", annotations.isEmpty() ? null : new TreeMap<>(annotations));
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses a manifest; a missing mediaType field is taken from {@code contentType}. */
  public static Manifest parse(byte[] bytes, String contentType) {
    Map<String, Object> m = Json.object(new String(bytes, StandardCharsets.UTF_8));
    if (JsonFields.num(m, "schemaVersion", 2) != 2) {
      throw new IllegalArgumentException("only schemaVersion 2 manifests are supported");
    }
    String mt = JsonFields.str(m, "mediaType");
    return new Manifest(
        mt != null ? mt : contentType != null ? contentType : MediaTypes.OCI_MANIFEST,
        JsonFields.str(m, "artifactType"),
        Descriptor.fromJson(JsonFields.obj(m, "config")),
        JsonFields.objects(m, "layers").stream().map(Descriptor::fromJson).toList(),
        Descriptor.fromJson(JsonFields.obj(m, "subject")),
        JsonFields.stringMap(m, "annotations"));
  }
}
