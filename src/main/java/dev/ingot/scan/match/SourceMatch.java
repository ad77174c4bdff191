package dev.ingot.scan.match;

import dev.ingot.scan.cvss.CvssScore;
import dev.ingot.scan.db.Advisory;
import dev.ingot.scan.db.RangeEvent;
import dev.ingot.scan.db.SeverityVector;
import dev.ingot.scan.db.VendorState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the advisories about one source package say about one of its versions: the vulnerabilities
 * that match (records of one vulnerability from several sources merged into one), each either
 * reported or suppressed by a tracker "not affected". It does not depend on the binary package, so
 * the binaries built from one source share it. Immutable once built.
 */
final class SourceMatch {
  /** One vulnerability as matched. */
  record Vuln(
      String id,
      List<String> aliases,
      String summary,
      String ecosystem,
      String fixed,
      VendorState state,
      String note,
      Assessment severity,
      List<Assessment> assessments,
      List<String> sources,
      List<String> references,
      String why) {}

  /** One advisory record that matched, with the fix that applies. */
  private record Hit(Advisory advisory, String fixed, String why) {}

  final List<Vuln> vulns;
  // Ids of matching vulnerabilities the tracker says this release is not affected by.
  final List<String> suppressed;
  final List<String> warnings;

  private SourceMatch(List<Vuln> vulns, List<String> suppressed, List<String> warnings) {
    this.vulns = vulns;
    this.suppressed = suppressed;
    this.warnings = warnings;
  }

  /**
   * Matches {@code recs} (all records about the source) against {@code version} in the order {@code
   * versions}; scores vectors with {@code scorer} and picks severities in {@code order}.
   */
  static SourceMatch of(
      String version,
      List<Advisory> recs,
      RangeMatcher ranges,
      Comparator<String> versions,
      Function<String, CvssScore> scorer,
      List<String> order) {
    List<String> warnings = new ArrayList<>();
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
        Hit h = hit(a, version, ranges, versions);
        if (h != null) {
          hits.add(h);
        }
      } catch (IllegalArgumentException e) {
        warnings.add("advisory " + a.id() + " has a bad version (" + e.getMessage() + "); skipped");
      }
    }
    List<Vuln> vulns = new ArrayList<>();
    List<String> suppressed = new ArrayList<>();
    for (List<Hit> group : groups(hits)) {
      Set<String> ids = new LinkedHashSet<>();
      for (Hit h : group) {
        ids.addAll(h.advisory().allIds());
      }
      if (ids.stream().anyMatch(notAffected::contains)) {
        suppressed.add(mainId(ids)); // only its id is reported: no need to merge the records
        continue;
      }
      vulns.add(merge(group, ids, versions, scorer, order, warnings));
    }
    return new SourceMatch(List.copyOf(vulns), List.copyOf(suppressed), List.copyOf(warnings));
  }

  private static Hit hit(
      Advisory a, String version, RangeMatcher ranges, Comparator<String> versions) {
    for (String v : a.versions()) {
      if (versions.compare(v, version) == 0) {
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

  /**
   * Groups hits that share an id or alias (the same vulnerability from several sources): a hit
   * joins the earliest group that knows one of its ids.
   */
  private static List<List<Hit>> groups(List<Hit> hits) {
    List<List<Hit>> groups = new ArrayList<>();
    Map<String, Integer> groupOf = new HashMap<>();
    for (Hit h : hits) {
      List<String> ids = h.advisory().allIds();
      int found = Integer.MAX_VALUE;
      for (String id : ids) {
        Integer g = groupOf.get(id);
        if (g != null && g < found) {
          found = g;
        }
      }
      if (found == Integer.MAX_VALUE) {
        found = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(found).add(h);
      for (String id : ids) {
        groupOf.putIfAbsent(id, found);
      }
    }
    return groups;
  }

  private static Vuln merge(
      List<Hit> group,
      Set<String> ids,
      Comparator<String> versions,
      Function<String, CvssScore> scorer,
      List<String> order,
      List<String> warnings) {
    String main = mainId(ids);
    List<String> aliases = new ArrayList<>(ids.size());
    for (String i : ids) {
      if (!i.equals(main)) {
        aliases.add(i);
      }
    }
    String fixed = null;
    VendorState state = null;
    String note = "";
    String summary = "";
    List<SeverityVector> vectors = new ArrayList<>();
    String vendorWord = "";
    List<String> sources = new ArrayList<>();
    Set<String> refs = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    for (Hit h : group) {
      Advisory a = h.advisory();
      if (h.fixed() != null && (fixed == null || versions.compare(h.fixed(), fixed) > 0)) {
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
    List<Assessment> assessments =
        Severities.assess(vectors, vendorWord, "Debian", warnings, scorer);
    return new Vuln(
        main,
        aliases,
        summary,
        group.get(0).advisory().ecosystem(),
        fixed,
        state,
        note,
        Severities.choose(assessments, order),
        assessments,
        sources,
        new ArrayList<>(refs),
        String.join("; ", why));
  }

  /** The CVE id when the group has one, else the first id seen. */
  static String mainId(Set<String> ids) {
    for (String i : ids) {
      if (i.startsWith("CVE-")) {
        return i;
      }
    }
    return ids.iterator().next();
  }
}
