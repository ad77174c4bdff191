package dev.ingot.scan.report;

import dev.ingot.scan.cvss.Rating;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.PolicyResult;
import dev.ingot.scan.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards: one rule per vulnerability id and per
 * failed hardening check (with {@code security-severity} for CVSS-scored ones), one result per
 * finding located at the package database and named by package; ignored findings carry a
 * suppression with the ignore's reason. Pure.
 */
public final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  public static String render(ScanReport r) {
    Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    List<Object> results = new ArrayList<>();
    String dbFile =
        r.inventory().format().startsWith("rpm")
            ? "var/lib/rpm/rpmdb.sqlite"
            : "var/lib/dpkg/status";
    for (PolicyResult.Judged<Finding> j : r.result().findings()) {
      Finding f = j.item();
      rules.computeIfAbsent(
          f.id(),
          id ->
              rule(
                  id,
                  f.summary(),
                  f.severity().rating(),
                  f.severity().hasScore() ? f.severity().score() : null,
                  f.references().isEmpty() ? null : f.references().get(0),
                  "Upgrade the package to a fixed version."));
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("ruleId", f.id());
      res.put("level", level(f.severity().rating(), j.verdict()));
      res.put(
          "message",
          Map.of(
              "text",
              f.pkg().name()
                  + " "
                  + f.pkg().version()
                  + ": "
                  + f.id()
                  + (f.hasFix()
                      ? ", fixed in " + f.fixedVersion()
                      : ", no fix (" + f.state().label() + ")")
                  + ". "
                  + f.why()));
      res.put("locations", List.of(location(dbFile, f.pkg().name())));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("package", f.pkg().name());
      props.put("installedVersion", f.pkg().version());
      props.put("fixedVersion", f.fixedVersion());
      props.put("verdict", JsonReport.verdict(j.verdict()));
      res.put("properties", props);
      suppression(j.verdict()).ifPresent(s -> res.put("suppressions", List.of(s)));
      results.add(res);
    }
    for (PolicyResult.Judged<CheckResult> j : r.result().checks()) {
      CheckResult c = j.item();
      rules.computeIfAbsent(
          c.check().id(),
          id ->
              rule(
                  id,
                  c.check().title(),
                  c.check().severity(),
                  null,
                  null,
                  c.check().rationale() + " Fix: " + c.check().fix()));
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("ruleId", c.check().id());
      res.put("level", level(c.check().severity(), j.verdict()));
      res.put("message", Map.of("text", c.check().title() + ": " + String.join("; ", c.details())));
      String file =
          c.details().isEmpty()
              ? ""
              : c.details().get(0).replaceAll("^/", "").replaceAll("[: ].*$", "");
      res.put("locations", List.of(location(file.isEmpty() ? "etc" : file, null)));
      suppression(j.verdict()).ifPresent(s -> res.put("suppressions", List.of(s)));
      results.add(res);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "Ingot");
    driver.put("version", r.toolVersion());
    driver.put("semanticVersion", r.toolVersion());
    driver.put("rules", new ArrayList<>(rules.values()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    run.put(
        "invocations",
        List.of(Map.of("executionSuccessful", true, "endTimeUtc", r.generatedAt().toString())));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", SCHEMA);
    doc.put("version", "2.1.0");
    doc.put("runs", List.of(run));
    return JsonText.write(doc);
  }

  private static Map<String, Object> rule(
      String id, String text, Rating rating, Double score, String helpUri, String help) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", id);
    rule.put("shortDescription", Map.of("text", text.isEmpty() ? id : text));
    rule.put("help", Map.of("text", help));
    if (helpUri != null) {
      rule.put("helpUri", helpUri);
    }
    rule.put("defaultConfiguration", Map.of("level", level(rating, null)));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", List.of("security", rating.label()));
    if (score != null) {
      props.put("security-severity", String.format(Locale.ROOT, "%.1f", score));
    }
    rule.put("properties", props);
    return rule;
  }

  private static Map<String, Object> location(String uri, String logical) {
    Map<String, Object> loc = new LinkedHashMap<>();
    loc.put("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri)));
    if (logical != null) {
      loc.put("logicalLocations", List.of(Map.of("name", logical, "kind", "package")));
    }
    return loc;
  }

  private static String level(Rating r, Verdict v) {
    if (v != null && v.fails()) {
      return "error";
    }
    return switch (r) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  private static java.util.Optional<Map<String, Object>> suppression(Verdict v) {
    if (v instanceof Verdict.Ignored i) {
      return java.util.Optional.of(Map.of("kind", "external", "justification", i.by().describe()));
    }
    return java.util.Optional.empty();
  }
}
