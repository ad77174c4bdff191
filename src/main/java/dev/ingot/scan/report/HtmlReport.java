package dev.ingot.scan.report;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.scan.cvss.Rating;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.PolicyResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page (no scripts, no external files) for people who would rather look than
 * read: the gate's outcome, a bar chart of findings by severity, the findings table, the hardening
 * results and the package list. Every text from advisories or the image is escaped. Pure.
 */
public final class HtmlReport {
  private static final Map<Rating, String> COLORS =
      Map.of(
          Rating.CRITICAL, "#8b0000",
          Rating.HIGH, "#d9480f",
          Rating.MEDIUM, "#e0a800",
          Rating.LOW, "#2f7ed8",
          Rating.NONE, "#6c757d",
          Rating.UNKNOWN, "#adb5bd");

  private HtmlReport() {}

  public static String render(ScanReport r) {
    StringBuilder b = new StringBuilder(16_384);
    PolicyResult p = r.result();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Ingot scan: ")
        .append(esc(r.target()))
        .append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#212529}")
        .append("table{border-collapse:collapse;width:100%;margin:1rem 0}")
        .append("th,td{border-bottom:1px solid #dee2e6;padding:.3rem .5rem;text-align:left;")
        .append("vertical-align:top;font-size:.9rem}th{background:#f1f3f5}")
        .append(".pass{color:#2b8a3e}.fail{color:#c92a2a}.sev{color:#fff;padding:0 .4rem;")
        .append("border-radius:.2rem;font-size:.8rem}.muted{color:#868e96}code{font-size:.85rem}")
        .append("</style></head><body>\n");
    b.append("<h1>Ingot scan</h1>\n<p>")
        .append(esc(r.target()))
        .append("<br><span class=\"muted\">")
        .append(esc(ReportText.osLine(r.inventory().os())))
        .append(" · ")
        .append(r.inventory().packages().size())
        .append(" packages · generated ")
        .append(esc(r.generatedAt().toString()))
        .append(" by Ingot ")
        .append(esc(r.toolVersion()))
        .append("</span></p>\n");
    b.append("<h2 class=\"")
        .append(p.failed() ? "fail" : "pass")
        .append("\">")
        .append(p.failed() ? "Failed" : "Passed")
        .append("</h2>\n<p>")
        .append(esc(p.summary()))
        .append("</p>\n");
    chart(b, p);
    findings(b, r);
    checks(b, r);
    lists(b, "Notes", p.notes());
    lists(b, "Not affected according to the vendor", r.suppressed());
    lists(b, "Warnings", r.warnings());
    packages(b, r.inventory().packages());
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void chart(StringBuilder b, PolicyResult p) {
    Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
    for (Rating x : Rating.values()) {
      counts.put(x, 0);
    }
    p.findings().forEach(j -> counts.merge(j.item().severity().rating(), 1, Integer::sum));
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    int barH = 22;
    b.append("<svg role=\"img\" aria-label=\"findings by severity\" width=\"520\" height=\"")
        .append(counts.size() * (barH + 6) + 4)
        .append("\">\n");
    int y = 2;
    for (Map.Entry<Rating, Integer> e : counts.entrySet()) {
      int w = (int) Math.round(360.0 * e.getValue() / max);
      b.append("<text x=\"0\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(e.getKey().label())
          .append("</text>")
          .append("<rect x=\"90\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(Math.max(w, 1))
          .append("\" height=\"")
          .append(barH)
          .append("\" fill=\"")
          .append(COLORS.get(e.getKey()))
          .append("\"></rect><text x=\"")
          .append(96 + w)
          .append("\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(e.getValue())
          .append("</text>\n");
      y += barH + 6;
    }
    b.append("</svg>\n");
  }

  private static void findings(StringBuilder b, ScanReport r) {
    b.append("<h2>Vulnerabilities (").append(r.result().findings().size()).append(")</h2>\n");
    if (r.result().findings().isEmpty()) {
      b.append("<p>None found.</p>\n");
      return;
    }
    Provenance prov = new Provenance(r.inventory());
    b.append("<table><tr><th>Severity</th><th>ID</th><th>Package</th><th>Installed</th>")
        .append("<th>Fixed in</th><th>Brought in by</th><th>Verdict</th><th>Details</th></tr>\n");
    for (PolicyResult.Judged<Finding> j : r.result().findings()) {
      Finding f = j.item();
      b.append("<tr><td>")
          .append(badge(f.severity().rating(), ReportText.severity(f.severity())))
          .append("</td><td>")
          .append(esc(f.id()));
      if (!f.aliases().isEmpty()) {
        b.append("<br><span class=\"muted\">")
            .append(esc(String.join(", ", f.aliases())))
            .append("</span>");
      }
      b.append("</td><td>")
          .append(esc(f.pkg().name()))
          .append("</td><td><code>")
          .append(esc(f.pkg().version()))
          .append("</code></td><td><code>")
          .append(esc(ReportText.fixed(f)))
          .append("</code></td><td>")
          .append(esc(String.join(", ", prov.broughtBy(f.pkg().name()))))
          .append("</td><td class=\"")
          .append(j.verdict().fails() ? "fail" : "muted")
          .append("\">")
          .append(esc(j.verdict().reason()))
          .append("</td><td>")
          .append(esc(f.summary()))
          .append("<br><span class=\"muted\">")
          .append(esc(f.why()));
      if (!f.severity().note().isEmpty()) {
        b.append("<br>").append(esc(f.severity().note()));
      }
      b.append("</span></td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void checks(StringBuilder b, ScanReport r) {
    if (r.checks().isEmpty()) {
      return;
    }
    b.append("<h2>Hardening checks</h2>\n<table><tr><th>Result</th><th>Check</th>")
        .append("<th>Details</th><th>Why and how to fix</th></tr>\n");
    for (CheckResult c : r.checks()) {
      String cls = c.failed() ? "fail" : c.status() == CheckResult.Status.PASS ? "pass" : "muted";
      b.append("<tr><td class=\"")
          .append(cls)
          .append("\">")
          .append(c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append("</td><td>")
          .append(badge(c.check().severity(), c.check().severity().label()))
          .append(" <code>")
          .append(esc(c.check().id()))
          .append("</code><br>")
          .append(esc(c.check().title()))
          .append("</td><td>")
          .append(esc(String.join("\n", c.details())).replace("\n", "<br>"))
          .append("</td><td>")
          .append(esc(c.check().rationale()))
          .append("<br><span class=\"muted\">")
          .append(esc(c.check().fix()))
          .append("</span></td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void packages(StringBuilder b, List<InstalledPackage> pkgs) {
    b.append("<h2>Packages (")
        .append(pkgs.size())
        .append(")</h2>\n<table><tr><th>Name</th>")
        .append("<th>Version</th><th>Architecture</th><th>Source</th></tr>\n");
    for (InstalledPackage p : pkgs) {
      b.append("<tr><td>")
          .append(esc(p.name()))
          .append("</td><td><code>")
          .append(esc(p.version()))
          .append("</code></td><td>")
          .append(esc(p.architecture() == null ? "" : p.architecture()))
          .append("</td><td>")
          .append(esc(p.sourceName() + " " + p.sourceVersion()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void lists(StringBuilder b, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append("<h2>").append(esc(title)).append("</h2>\n<ul>");
    items.forEach(i -> b.append("<li>").append(esc(i)).append("</li>"));
    b.append("</ul>\n");
  }

  private static String badge(Rating r, String text) {
    return "<span class=\"sev\" style=\"background:"
        + COLORS.get(r)
        + "\">"
        + esc(text)
        + "</span>";
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
