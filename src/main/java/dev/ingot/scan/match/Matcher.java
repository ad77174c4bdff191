package dev.ingot.scan.match;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.pkg.deb.DebVersion;
import dev.ingot.scan.db.Advisory;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.Ecosystems;
import dev.ingot.scan.db.RangeEvent;
import dev.ingot.scan.db.VendorState;
import dev.ingot.scan.inventory.Inventory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    RangeMatcher ranges = new RangeMatcher(Matcher::compareDeb);
    List<Finding> findings = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    Map<String, List<Advisory>> cache = new LinkedHashMap<>();
    for (InstalledPackage p : inv.packages()) {
      List<Advisory> recs = cache.get(p.sourceName());
      if (recs == null) {
        recs = new ArrayList<>();
        for (String eco : ecosystems) {
          recs.addAll(db.lookup(eco, p.sourceName()));
        }
        cache.put(p.sourceName(), recs);
      }
      if (recs.isEmpty()) {
        continue;
      }
      findings.addAll(matchPackage(p, recs, ranges, suppressed, warnings));
    }
    findings.sort(
        Comparator.comparing((Finding f) -> f.severity().rating())
            .thenComparing(f -> -(f.severity().hasScore() ? f.severity().score() : -1))
            .thenComparing(f -> f.pkg().name())
            .thenComparing(Finding::id));
    return new Result(findings, suppressed, warnings);
  }

  private List<Finding> matchPackage(
      InstalledPackage p,
      List<Advisory> recs,
      RangeMatcher ranges,
      List<String> suppressed,
      List<String> warnings) {
    String version = p.sourceVersion();
    try {
      DebVersion.parse(version);
    } catch (IllegalArgumentException e) {
      warnings.add(
          "package "
              + p.name()
              + " has a version dpkg would not accept ("
              + e.getMessage()
              + "); it was not checked");
      return List.of();
    }
    Set<String> notAffected = new LinkedHashSet<>();
    List<Hit> hits = new ArrayList<>();
    for (Advisory a : recs) {
      if (a.state() == VendorState.NOT_AFFECTED) {
        notAffected.addAll(a.allIds());
        continue;
      }
      if (!a.state().vulnerable()) {
        continue;
      }
      try {
        Hit h = hit(a, version, ranges);
        if (h != null) {
          hits.add(h);
        }
      } catch (IllegalArgumentException e) {
        warnings.add("advisory " + a.id() + " has a bad version (" + e.getMessage() + "); skipped");
      }
    }
    List<Finding> out = new ArrayList<>();
    for (List<Hit> group : groups(hits)) {
      Set<String> ids = new LinkedHashSet<>();
      group.forEach(h -> ids.addAll(h.advisory().allIds()));
      if (ids.stream().anyMatch(notAffected::contains)) {
        suppressed.add(
            mainId(ids)
                + " on "
                + p.name()
                + ": the Debian tracker says this release is not"
                + " affected");
        continue;
      }
      out.add(merge(p, version, group, ids, warnings));
    }
    return out;
  }

  /** One advisory record that matched, with the fix that applies. */
  private record Hit(Advisory advisory, String fixed, String why) {}

  private static Hit hit(Advisory a, String version, RangeMatcher ranges) {
    for (String v : a.versions()) {
      if (compareDeb(v, version) == 0) {
        return new Hit(a, null, "version " + version + " is listed as affected");
      }
    }
    for (List<RangeEvent> r : a.ranges()) {
      RangeMatcher.Result res = ranges.evaluate(version, r);
      if (res.affected()) {
        String span =
            "introduced "
                + res.introduced()
                + (res.fixed() != null
                    ? ", fixed " + res.fixed()
                    : res.lastAffected() != null
                        ? ", last affected " + res.lastAffected()
                        : ", no fix");
        return new Hit(a, res.fixed(), "in range " + span);
      }
    }
    return null;
  }

  /** Groups hits that share an id or alias (the same vulnerability from several sources). */
  private static List<List<Hit>> groups(List<Hit> hits) {
    List<List<Hit>> groups = new ArrayList<>();
    List<Set<String>> idSets = new ArrayList<>();
    for (Hit h : hits) {
      Set<String> ids = new LinkedHashSet<>(h.advisory().allIds());
      int found = -1;
      for (int i = 0; i < groups.size(); i++) {
        if (idSets.get(i).stream().anyMatch(ids::contains)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        groups.add(new ArrayList<>(List.of(h)));
        idSets.add(ids);
      } else {
        groups.get(found).add(h);
        idSets.get(found).addAll(ids);
      }
    }
    return groups;
  }

  private Finding merge(
      InstalledPackage p, String version, List<Hit> group, Set<String> ids, List<String> warnings) {
    String main = mainId(ids);
    List<String> aliases = ids.stream().filter(i -> !i.equals(main)).toList();
    String fixed = null;
    VendorState state = null;
    String note = "";
    String summary = "";
    List<dev.ingot.scan.db.SeverityVector> vectors = new ArrayList<>();
    String vendorWord = "";
    List<String> sources = new ArrayList<>();
    Set<String> refs = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    for (Hit h : group) {
      Advisory a = h.advisory();
      if (h.fixed() != null && (fixed == null || compareDeb(h.fixed(), fixed) > 0)) {
        fixed = h.fixed(); // sources may disagree; the highest fix is the safe one to ask for
      }
      if (state == null || a.state() != VendorState.AFFECTED) {
        state = a.state();
      }
      if (!a.note().isEmpty()) {
        note = a.note();
      }
      if (summary.isEmpty() || (a.origin() == Advisory.Origin.OSV && !a.summary().isEmpty())) {
        summary = a.summary().isEmpty() ? summary : a.summary();
      }
      vectors.addAll(a.severities());
      if (vendorWord.isEmpty()) {
        vendorWord = a.vendorSeverity();
      }
      String src = (a.origin() == Advisory.Origin.OSV ? "OSV " : "Debian tracker ") + a.id();
      sources.add(src + " (" + a.ecosystem() + ")");
      refs.addAll(a.references());
      why.add(src + ": " + h.why());
    }
    if (fixed != null) {
      state = VendorState.AFFECTED;
    }
    List<Assessment> assessments = Severities.assess(vectors, vendorWord, "Debian", warnings);
    Assessment chosen = Severities.choose(assessments, severityOrder);
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
        main,
        aliases,
        summary,
        group.get(0).advisory().ecosystem(),
        p.sourceName(),
        version,
        fixed,
        state,
        note,
        chosen,
        assessments,
        sources,
        new ArrayList<>(refs),
        compared + " is affected: " + String.join("; ", why));
  }

  /** The CVE id when the group has one, else the first id seen. */
  private static String mainId(Set<String> ids) {
    return ids.stream().filter(i -> i.startsWith("CVE-")).findFirst().orElse(ids.iterator().next());
  }

  static int compareDeb(String a, String b) {
    return DebVersion.compare(a, b);
  }
}
