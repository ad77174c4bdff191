package dev.ingot.scan.report;

import dev.ingot.diag.Printable;
import dev.ingot.scan.cvss.Rating;
import dev.ingot.scan.db.SegmentMeta;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.PolicyResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report for people at a terminal: a header (target, distribution, database, policy outcome),
 * findings grouped by severity with installed and fixed versions, the top-level package that brings
 * each in and the verdict, the failed hardening checks with their fix, then notes and warnings.
 * Pure.
 */
public final class TableReport {
  private TableReport() {}

  public static String render(ScanReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Scan of ").append(Printable.of(r.target())).append('\n');
    b.append("  ")
        .append(Printable.of(ReportText.osLine(r.inventory().os())))
        .append(", ")
        .append(r.inventory().packages().size())
        .append(" packages")
        .append(
            r.inventory().format().isEmpty()
                ? ""
                : " (" + Printable.of(r.inventory().format()) + ")")
        .append('\n');
    for (SegmentMeta m : r.database()) {
      b.append("  database ")
          .append(Printable.of(m.name()))
          .append(": ")
          .append(Printable.of(m.kind()))
          .append(", ")
          .append(m.advisories())
          .append(" advisories, imported ")
          .append(m.importedAt())
          .append('\n');
    }
    PolicyResult p = r.result();
    b.append("  policy: fail_on = ")
        .append(p.policy().failOn().label())
        .append(p.policy().onlyFixed() ? ", only_fixed" : "")
        .append(
            p.policy().ignores().isEmpty() ? "" : ", " + p.policy().ignores().size() + " ignore(s)")
        .append('\n');
    b.append('\n')
        .append(p.failed() ? "FAILED: " : "PASSED: ")
        .append(Printable.of(p.summary()))
        .append("\n");
    findings(b, r);
    checks(b, r);
    list(b, "Not affected according to the vendor", r.suppressed());
    list(b, "Notes", p.notes());
    list(b, "Warnings", r.warnings());
    return b.toString();
  }

  private static void findings(StringBuilder b, ScanReport r) {
    Map<Rating, List<PolicyResult.Judged<Finding>>> groups = new EnumMap<>(Rating.class);
    for (PolicyResult.Judged<Finding> j : r.result().findings()) {
      groups.computeIfAbsent(j.item().severity().rating(), k -> new ArrayList<>()).add(j);
    }
    if (groups.isEmpty()) {
      b.append("\nNo vulnerabilities found.\n");
      return;
    }
    Provenance prov = new Provenance(r.inventory());
    for (Map.Entry<Rating, List<PolicyResult.Judged<Finding>>> g : groups.entrySet()) {
      b.append('\n')
          .append(g.getKey().name())
          .append(" (")
          .append(g.getValue().size())
          .append(")\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "ID", "PACKAGE", "INSTALLED", "FIXED IN", "BROUGHT IN BY", "SEVERITY", "VERDICT"
          });
      for (PolicyResult.Judged<Finding> j : g.getValue()) {
        Finding f = j.item();
        List<String> by = prov.broughtBy(f.pkg().name());
        rows.add(
            new String[] {
              f.id(),
              f.pkg().name(),
              f.pkg().version(),
              ReportText.fixed(f),
              by.isEmpty() || by.equals(List.of(f.pkg().name()))
                  ? "-"
                  : String.join(",", by.subList(0, Math.min(3, by.size())))
                      + (by.size() > 3 ? ",…" : ""),
              ReportText.severity(f.severity())
                  + (f.severity().source().equals("vendor") ? "*" : ""),
              ReportText.verdict(j.verdict())
            });
      }
      table(b, rows);
    }
    if (r.result().findings().stream()
        .anyMatch(j -> j.item().severity().source().equals("vendor"))) {
      b.append(
          "  * no CVSS vector: the vendor's rating is used (Debian has no critical urgency)\n");
    }
  }

  private static void checks(StringBuilder b, ScanReport r) {
    if (r.checks().isEmpty()) {
      return;
    }
    long pass = r.checks().stream().filter(c -> c.status() == CheckResult.Status.PASS).count();
    long fail = r.checks().stream().filter(CheckResult::failed).count();
    long na = r.checks().size() - pass - fail;
    b.append("\nHardening: ")
        .append(pass)
        .append(" passed, ")
        .append(fail)
        .append(" failed, ")
        .append(na)
        .append(" not applicable\n");
    for (PolicyResult.Judged<CheckResult> j : r.result().checks()) {
      CheckResult c = j.item();
      b.append("  FAIL ")
          .append(c.check().id())
          .append(" [")
          .append(c.check().severity().label())
          .append(", ")
          .append(ReportText.verdict(j.verdict()))
          .append("] ")
          .append(Printable.of(c.check().title()))
          .append('\n');
      for (String d : c.details()) {
        b.append("       ").append(Printable.of(d)).append('\n');
      }
      b.append("       fix: ").append(Printable.of(c.check().fix())).append('\n');
    }
  }

  private static void list(StringBuilder b, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append('\n').append(title).append(":\n");
    items.forEach(i -> b.append("  - ").append(Printable.of(i)).append('\n'));
  }

  /** Cells are escaped before the widths are measured, so the columns line up as printed. */
  private static void table(StringBuilder b, List<String[]> cells) {
    List<String[]> rows = new ArrayList<>();
    for (String[] c : cells) {
      rows.add(Arrays.stream(c).map(Printable::of).toArray(String[]::new));
    }
    int[] w = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(r[i]);
        if (i < r.length - 1) {
          line.append(" ".repeat(w[i] - r[i].length() + 2));
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
