package dev.ingot.scan.db;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
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

  /** The binary form in a segment header (read without any JSON library: it is on every scan). */
  void write(DataOutput out) throws IOException {
    out.writeUTF(name);
    out.writeUTF(kind);
    out.writeUTF(origin.length() > 4000 ? origin.substring(0, 4000) : origin);
    out.writeLong(importedAt.getEpochSecond());
    out.writeInt(importedAt.getNano());
    out.writeLong(advisories);
    out.writeLong(records);
    out.writeInt(skipped.size());
    for (Map.Entry<String, Long> e : skipped.entrySet()) {
      out.writeUTF(e.getKey().length() > 200 ? e.getKey().substring(0, 200) : e.getKey());
      out.writeLong(e.getValue());
    }
  }

  static SegmentMeta read(DataInput in) throws IOException {
    String name = in.readUTF();
    String kind = in.readUTF();
    String origin = in.readUTF();
    Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
    long advisories = in.readLong();
    long records = in.readLong();
    int n = in.readInt();
    Map<String, Long> skipped = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      skipped.merge(in.readUTF(), in.readLong(), Long::sum);
    }
    return new SegmentMeta(name, kind, origin, at, advisories, records, skipped);
  }
}
