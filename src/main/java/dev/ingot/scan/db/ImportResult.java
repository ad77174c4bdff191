package dev.ingot.scan.db;

import java.util.List;
import java.util.Map;

/**
 * What an importer read: the per-package records, how many advisories they came from, and what was
 * skipped, by reason (e.g. "ecosystem npm", "withdrawn", "release sid"). Immutable.
 */
public record ImportResult(List<Advisory> records, long advisories, Map<String, Long> skipped) {
  public ImportResult {
    records = List.copyOf(records);
    skipped = Map.copyOf(skipped);
  }
}
