package dev.ingot.oci.model;

import dev.ingot.fs.Digest;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OCI content descriptor: media type, digest, size in bytes, optional annotations, platform
 * (index entries) and artifact type. Immutable.
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Map<String, String> annotations,
    Platform platform,
    String artifactType) {
  public Descriptor {
    if (mediaType == null || mediaType.isBlank() || digest == null || size < 0) {
      throw new IllegalArgumentException("a descriptor needs a media type, digest and size");
    }
    annotations =
        annotations == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null);
  }

  /** The descriptor of {@code bytes} with {@code mediaType}. */
  public static Descriptor of(String mediaType, byte[] bytes) {
    return of(mediaType, Digest.sha256(bytes), bytes.length);
  }

  public Descriptor withAnnotations(Map<String, String> a) {
    return new Descriptor(mediaType, digest, size, a, platform, artifactType);
  }

  public Descriptor withPlatform(Platform p) {
    return new Descriptor(mediaType, digest, size, annotations, p, artifactType);
  }

  public Descriptor withMediaType(String mt) {
    return new Descriptor(mt, digest, size, annotations, platform, artifactType);
  }

  public Descriptor withArtifactType(String at) {
    return new Descriptor(mediaType, digest, size, annotations, platform, at);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = JsonFields.ordered();
    m.put("mediaType", mediaType);
    m.put("digest", digest.toString());
    m.put("size", size);
    JsonFields.putIf(m, "annotations", annotations.isEmpty() ? null : new TreeMap<>(annotations));
    if (platform != null) {
      m.put("platform", platform.toJson());
    }
    JsonFields.putIf(m, "artifactType", artifactType);
    return m;
  }

  static Descriptor fromJson(Map<String, Object> m) {
    if (m == null) {
      return null;
    }
    return new Descriptor(
        JsonFields.required(m, "mediaType"),
        Digest.parse(JsonFields.required(m, "digest")),
        JsonFields.num(m, "size", -1),
        JsonFields.stringMap(m, "annotations"),
        Platform.fromJson(JsonFields.obj(m, "platform")),
        JsonFields.str(m, "artifactType"));
  }
}
