package dev.ingot.scan.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one OSV record that Ingot uses, filled in as a streaming parser meets them (JSON
 * objects have no field order, so a record is judged only once it is complete). Mutable holder,
 * confined to one {@link OsvRecordReader}.
 */
final class OsvRecord {
  String id = "";
  String modified = "";
  String summary = "";
  String details = "";
  String withdrawn = "";
  String vendor = "";
  boolean affectedIsArray;
  final List<String> aliases = new ArrayList<>();
  final List<String> upstream = new ArrayList<>();
  final List<String> references = new ArrayList<>();
  final List<SeverityVector> severity = new ArrayList<>();
  final List<Affected> affected = new ArrayList<>();

  /** Aliases, then upstream ids: both name the same vulnerability elsewhere. */
  List<String> allAliases() {
    if (upstream.isEmpty()) {
      return aliases;
    }
    List<String> all = new ArrayList<>(aliases);
    all.addAll(upstream);
    return all;
  }

  /** One {@code affected[]} entry. */
  static final class Affected {
    String ecosystem = "";
    String name = "";
    String purl = "";
    String urgency = "";
    String ecosystemSeverity = "";
    String databaseSeverity = "";
    final List<List<RangeEvent>> ranges = new ArrayList<>();
    final List<String> versions = new ArrayList<>();
    final List<SeverityVector> severity = new ArrayList<>();
  }
}
