package dev.ingot.scan.match;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.pkg.deb.DebVersion;
import dev.ingot.scan.cvss.CvssScore;
import dev.ingot.scan.db.Advisory;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.Ecosystems;
import dev.ingot.scan.inventory.Inventory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Matches an {@link Inventory} against the {@link AdvisoryDb}. For Debian the source package name
 * and version are compared (OSV's "Debian:12" names are source packages) with dpkg's ordering, in
 * the ecosystem of the release from os-release. Records of one vulnerability from several sources
 * (the tracker's CVE, OSV's DEBIAN-CVE and DSA) are merged into one finding per installed package;
 * a tracker "not affected" for the release suppresses the vulnerability. Thread-safe.
 */
public final class Matcher {
  private final AdvisoryDb db;
  private final List<String> severityOrder;

  public Matcher(AdvisoryDb db, List<String> severityOrder) {
    this.db = db;
    this.severityOrder = List.copyOf(severityOrder);
  }

  /** What matching found: findings sorted by severity then package, and warnings. */
  public record Result(List<Finding> findings, List<String> suppressed, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      suppressed = List.copyOf(suppressed);
      warnings = List.copyOf(warnings);
    }
  }

  public Result match(Inventory inv) throws IOException {
    List<String> warnings = new ArrayList<>();
    List<String> ecosystems =
        Ecosystems.forRelease(inv.os().id(), inv.os().versionId(), inv.os().codename());
    if (ecosystems.isEmpty()) {
      if (!inv.packages().isEmpty()) {
        warnings.add(
            "distribution '"
                + (inv.os().isKnown() ? inv.os().shortName() : "unknown (no /etc/os-release)")
                + "' is not supported by the matcher: "
                + inv.packages().size()
                + " packages were not checked");
      }
      return new Result(List.of(), List.of(), warnings);
    }
    // Parsing a version once, not at every comparison, halves the cost of matching.
    Map<String, DebVersion> parsed = new HashMap<>();
    Comparator<String> versions =
        (a, b) ->
            parsed
                .computeIfAbsent(a, DebVersion::parse)
                .compareTo(parsed.computeIfAbsent(b, DebVersion::parse));
    RangeMatcher ranges = new RangeMatcher(versions);
    List<Finding> findings = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    Map<String, List<Advisory>> records = new HashMap<>();
    // Binaries of one source share its match; feeds repeat the same vectors: both are done once.
    Map<String, SourceMatch> bySource = new HashMap<>();
    Map<String, CvssScore> scores = new HashMap<>();
    Function<String, CvssScore> scorer = v -> scores.computeIfAbsent(v, CvssScore::of);
    for (InstalledPackage p : inv.packages()) {
      List<Advisory> recs = records.get(p.sourceName());
      if (recs == null) {
        recs = new ArrayList<>();
        for (String eco : ecosystems) {
          recs.addAll(db.lookup(eco, p.sourceName()));
        }
        records.put(p.sourceName(), recs);
      }
      if (recs.isEmpty()) {
        continue;
      }
      String version = p.sourceVersion();
      try {
        parsed.computeIfAbsent(version, DebVersion::parse);
      } catch (IllegalArgumentException e) {
        warnings.add(
            "package "
                + p.name()
                + " has a version dpkg would not accept ("
                + e.getMessage()
                + "); it was not checked");
        continue;
      }
      String key = p.sourceName() + "=" + version;
      SourceMatch m = bySource.get(key);
      if (m == null) {
        m = SourceMatch.of(version, recs, ranges, versions, scorer, severityOrder);
        bySource.put(key, m);
        warnings.addAll(m.warnings);
      }
      for (String id : m.suppressed) {
        suppressed.add(
            id + " on " + p.name() + ": the Debian tracker says this release is not affected");
      }
      for (SourceMatch.Vuln v : m.vulns) {
        findings.add(finding(p, version, v));
      }
    }
    findings.sort(Matcher::reportOrder);
    return new Result(findings, suppressed, warnings);
  }

  /** Severity first, then score (highest first), package and id. */
  private static int reportOrder(Finding a, Finding b) {
    int c = a.severity().rating().compareTo(b.severity().rating());
    if (c == 0) {
      c = Double.compare(score(b), score(a));
    }
    if (c == 0) {
      c = a.pkg().name().compareTo(b.pkg().name());
    }
    return c != 0 ? c : a.id().compareTo(b.id());
  }

  private static double score(Finding f) {
    return f.severity().hasScore() ? f.severity().score() : -1;
  }

  private static Finding finding(InstalledPackage p, String version, SourceMatch.Vuln v) {
    String compared =
        p.sourceName().equals(p.name())
            ? p.name() + " " + version
            : "source "
                + p.sourceName()
                + " "
                + version
                + " (of "
                + p.name()
                + " "
                + p.version()
                + ")";
    return new Finding(
        p,
        v.id(),
        v.aliases(),
        v.summary(),
        v.ecosystem(),
        p.sourceName(),
        version,
        v.fixed(),
        v.state(),
        v.note(),
        v.severity(),
        v.assessments(),
        v.sources(),
        v.references(),
        compared + " is affected: " + v.why());
  }
}
