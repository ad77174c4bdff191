package dev.ingot.scan.db;

import java.util.List;
import java.util.Map;

/**
 * What an importer read: the per-package records (encoded, owned by this result), how many
 * advisories they came from, and what was skipped, by reason (e.g. "ecosystem npm", "withdrawn",
 * "release sid").
 */
public record ImportResult(RecordBlocks records, long advisories, Map<String, Long> skipped) {
  public ImportResult {
    skipped = Map.copyOf(skipped);
  }

  /** A result holding {@code records} (for tests and small sets). */
  public static ImportResult of(
      List<Advisory> records, long advisories, Map<String, Long> skipped) {
    RecordBlocks b = new RecordBlocks();
    records.forEach(b::add);
    return new ImportResult(b, advisories, skipped);
  }
}
