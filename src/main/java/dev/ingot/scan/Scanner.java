package dev.ingot.scan;

import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.harden.Hardening;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.InventoryReader;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.match.Matcher;
import dev.ingot.scan.policy.Policy;
import dev.ingot.scan.policy.PolicyEvaluator;
import dev.ingot.scan.policy.PolicyResult;
import dev.ingot.scan.report.ScanReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One scan: inventory of a {@link PackageSource}, matching against the database in {@code dbDir},
 * the hardening checks the policy asks for, and the policy's judgement. Used by the {@code scan}
 * post-processor and {@code ingot scan}. Thread-safe (all state is per call).
 */
public final class Scanner {
  private final Path dbDir;
  private final String toolVersion;
  private final boolean allowEmptyDb;

  public Scanner(Path dbDir, String toolVersion) {
    this(dbDir, toolVersion, false);
  }

  /**
   * {@code allowEmptyDb}: scan with no advisories at all (hardening checks only), which otherwise
   * fails: a gate that could look nothing up passed every image as "no vulnerabilities found".
   */
  public Scanner(Path dbDir, String toolVersion, boolean allowEmptyDb) {
    this.dbDir = dbDir;
    this.toolVersion = toolVersion;
    this.allowEmptyDb = allowEmptyDb;
  }

  /** Scans at time {@code now} (ignores expire by its UTC date). */
  public ScanReport scan(PackageSource source, Policy policy, Instant now) throws IOException {
    Inventory inv = new InventoryReader().read(source);
    List<String> warnings = new ArrayList<>(inv.warnings());
    Matcher.Result matched;
    List<dev.ingot.scan.db.SegmentMeta> segments;
    try (AdvisoryDb db = AdvisoryDb.open(dbDir)) {
      segments = db.segments();
      if (db.isEmpty()) {
        String empty = "the advisory database in " + dbDir + " is empty";
        if (!allowEmptyDb) {
          throw new dev.ingot.scan.db.AdvisoryDbException(
              empty
                  + ", so no vulnerability could be found: import advisories first with"
                  + " 'ingot db import SOURCE' (an OSV export or the Debian security tracker"
                  + " JSON), or allow an empty database (scan --allow-empty-db, allow_empty_db ="
                  + " true)");
        }
        warnings.add(
            empty
                + ": no vulnerabilities can be found. Run 'ingot db import SOURCE' with an OSV"
                + " export or the Debian security tracker JSON");
      }
      matched = new Matcher(db, policy.severitySource()).match(inv);
    }
    warnings.addAll(matched.warnings());
    List<CheckResult> checks =
        policy.checks().isEmpty() ? List.of() : Hardening.run(source.root(), policy.checks());
    PolicyResult judged =
        new PolicyEvaluator(policy, LocalDate.ofInstant(now, ZoneOffset.UTC))
            .evaluate(matched.findings(), checks);
    return new ScanReport(
        source.describe(),
        toolVersion,
        now,
        inv,
        segments,
        judged,
        checks,
        matched.suppressed(),
        warnings);
  }
}
