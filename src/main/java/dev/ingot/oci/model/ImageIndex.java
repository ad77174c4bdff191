package dev.ingot.oci.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image index (OCI) or manifest list (Docker): descriptors of manifests, each usually with a
 * platform. Also the shape of an OCI layout's {@code index.json}. Immutable.
 */
public record ImageIndex(
    String mediaType,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations) {
  public ImageIndex {
    if (!MediaTypes.isIndex(mediaType)) {
      throw new IllegalArgumentException("not an index media type: " + mediaType);
    }
    manifests = List.copyOf(manifests);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static ImageIndex oci(List<Descriptor> manifests) {
    return new ImageIndex(MediaTypes.OCI_INDEX, manifests, null, null);
  }

  /** The entry for {@code p}; an entry without a platform matches only when it is alone. */
  public Optional<Descriptor> forPlatform(Platform p) {
    for (Descriptor d : manifests) {
      if (d.platform() != null && p.matches(d.platform())) {
        return Optional.of(d);
      }
    }
    if (manifests.size() == 1 && manifests.get(0).platform() == null) {
      return Optional.of(manifests.get(0));
    }
    return Optional.empty();
  }

  public byte[] toBytes() {
    Map<String, Object> m = JsonFields.ordered();
    m.put("schemaVersion", 2);
    m.put("mediaType", mediaType);
    m.put("manifests", manifests.stream().map(Descriptor::toJson).toList());
    if (subject != null) {
      m.put("subject", subject.toJson());
    }
    JsonFields.putIf(m, "annotations", annotations.isEmpty() ? null : new TreeMap<>(annotations));
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  public static ImageIndex parse(byte[] bytes, String contentType) {
    Map<String, Object> m = Json.object(new String(bytes, StandardCharsets.UTF_8));
    String mt = JsonFields.str(m, "mediaType");
    return new ImageIndex(
        mt != null ? mt : contentType != null ? contentType : MediaTypes.OCI_INDEX,
        JsonFields.objects(m, "manifests").stream().map(Descriptor::fromJson).toList(),
        Descriptor.fromJson(JsonFields.obj(m, "subject")),
        JsonFields.stringMap(m, "annotations"));
  }

  /** The media type a manifest document declares (null when absent). */
  public static String declaredMediaType(byte[] bytes) {
    return JsonFields.str(Json.object(new String(bytes, StandardCharsets.UTF_8)), "mediaType");
  }
}
