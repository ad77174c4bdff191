package dev.ingot.scan.report;

import dev.ingot.scan.db.SegmentMeta;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.policy.PolicyResult;
import java.time.Instant;
import java.util.List;

/**
 * Everything a scan found, ready to be written as a table, JSON, SARIF or HTML: what was scanned,
 * its inventory, the database segments used, the policy's judgement of the findings, the hardening
 * results, vulnerabilities the vendor says do not apply, and warnings. {@code generatedAt} is the
 * scan time (or SOURCE_DATE_EPOCH in a reproducible build). Immutable.
 */
public record ScanReport(
    String target,
    String toolVersion,
    Instant generatedAt,
    Inventory inventory,
    List<SegmentMeta> database,
    PolicyResult result,
    List<CheckResult> checks,
    List<String> suppressed,
    List<String> warnings) {
  public ScanReport {
    database = List.copyOf(database);
    checks = List.copyOf(checks);
    suppressed = List.copyOf(suppressed);
    warnings = List.copyOf(warnings);
  }

  /** Exit status of {@code ingot scan}: 0 pass, 1 policy failure. */
  public int exitCode() {
    return result.failed() ? 1 : 0;
  }
}
