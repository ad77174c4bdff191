package dev.ingot.scan.db;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import stored: its name (the segment file's), the kind of source ("osv" or
 * "debian-tracker"), where it came from (a path or URL), when it was imported, how many advisories
 * and per-package records it holds, and what was skipped (reason to count). Immutable.
 */
public record SegmentMeta(
    String name,
    String kind,
    String origin,
    Instant importedAt,
    long advisories,
    long records,
    Map<String, Long> skipped) {
  public SegmentMeta {
    skipped = java.util.Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("kind", kind);
    m.put("origin", origin);
    m.put("imported_at", importedAt.toString());
    m.put("advisories", advisories);
    m.put("records", records);
    m.put("skipped", skipped);
    return m;
  }

  @SuppressWarnings("unchecked")
  static SegmentMeta fromJson(Map<String, Object> m) {
    Map<String, Long> skipped = new TreeMap<>();
    ((Map<String, Object>) m.getOrDefault("skipped", Map.of()))
        .forEach((k, v) -> skipped.put(k, ((Number) v).longValue()));
    return new SegmentMeta(
        (String) m.get("name"),
        (String) m.get("kind"),
        (String) m.get("origin"),
        Instant.parse((String) m.get("imported_at")),
        ((Number) m.get("advisories")).longValue(),
        ((Number) m.get("records")).longValue(),
        skipped);
  }
}
