package dev.ingot.scan.report;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.scan.db.SegmentMeta;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Assessment;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.PolicyResult;
import dev.ingot.scan.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report ({@code "schema": "ingot-scan/1"}): target, distribution, database,
 * policy outcome, findings with every assessment and the reason for the verdict, checks, packages.
 * Keys are stable; lists are in report order. Pure.
 */
public final class JsonReport {

  private JsonReport() {}

  public static String render(ScanReport r) {
    return JsonText.write(model(r));
  }

  static Map<String, Object> model(ScanReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", "ingot-scan/1");
    m.put("tool", Map.of("name", "ingot", "version", r.toolVersion()));
    m.put("generated_at", r.generatedAt().toString());
    m.put("target", r.target());
    Map<String, Object> os = new LinkedHashMap<>();
    os.put("id", r.inventory().os().id());
    os.put("version_id", r.inventory().os().versionId());
    os.put("codename", r.inventory().os().codename());
    m.put("os", os);
    List<Object> db = new ArrayList<>();
    for (SegmentMeta s : r.database()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", s.name());
      d.put("kind", s.kind());
      d.put("origin", s.origin());
      d.put("imported_at", s.importedAt().toString());
      d.put("advisories", s.advisories());
      db.add(d);
    }
    m.put("database", db);
    PolicyResult p = r.result();
    Map<String, Object> pol = new LinkedHashMap<>();
    pol.put("fail_on", p.policy().failOn().label());
    pol.put("only_fixed", p.policy().onlyFixed());
    pol.put("severity_source", p.policy().severitySource());
    pol.put("checks", p.policy().checks());
    pol.put("passed", !p.failed());
    pol.put("summary", p.summary());
    pol.put("notes", p.notes());
    m.put("policy", pol);
    Provenance prov = new Provenance(r.inventory());
    List<Object> fs = new ArrayList<>();
    for (PolicyResult.Judged<Finding> j : p.findings()) {
      fs.add(finding(j.item(), j.verdict(), prov));
    }
    m.put("findings", fs);
    List<Object> cs = new ArrayList<>();
    for (CheckResult c : r.checks()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", c.check().id());
      x.put("title", c.check().title());
      x.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
      x.put("severity", c.check().severity().label());
      x.put("details", c.details());
      x.put("rationale", c.check().rationale());
      x.put("fix", c.check().fix());
      p.checks().stream()
          .filter(jc -> jc.item() == c)
          .findFirst()
          .ifPresent(jc -> x.put("verdict", verdict(jc.verdict())));
      cs.add(x);
    }
    m.put("checks", cs);
    m.put("suppressed", r.suppressed());
    m.put("warnings", r.warnings());
    List<Object> pkgs = new ArrayList<>();
    for (InstalledPackage ip : r.inventory().packages()) {
      pkgs.add(pkg(ip));
    }
    m.put("packages", pkgs);
    return m;
  }

  private static Map<String, Object> finding(Finding f, Verdict v, Provenance prov) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("id", f.id());
    x.put("aliases", f.aliases());
    x.put("package", f.pkg().name());
    x.put("version", f.pkg().version());
    x.put("architecture", f.pkg().architecture());
    x.put("source_package", f.matchedName());
    x.put("source_version", f.matchedVersion());
    x.put("ecosystem", f.ecosystem());
    x.put("fixed_version", f.fixedVersion());
    x.put("state", f.state().label());
    if (!f.note().isEmpty()) {
      x.put("vendor_note", f.note());
    }
    x.put("severity", assessment(f.severity()));
    List<Object> all = new ArrayList<>();
    f.assessments().forEach(a -> all.add(assessment(a)));
    x.put("assessments", all);
    x.put("summary", f.summary());
    x.put("brought_in_by", prov.broughtBy(f.pkg().name()));
    x.put("sources", f.sources());
    x.put("references", f.references());
    x.put("why", f.why());
    x.put("verdict", verdict(v));
    return x;
  }

  static Map<String, Object> verdict(Verdict v) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put(
        "outcome",
        switch (v) {
          case Verdict.Fails f -> "fails";
          case Verdict.Passes p -> "below_threshold";
          case Verdict.Ignored i -> "ignored";
          case Verdict.NotFixable n -> "not_fixable";
        });
    x.put("reason", v.reason());
    return x;
  }

  private static Map<String, Object> assessment(Assessment a) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("source", a.source());
    x.put("rating", a.rating().label());
    x.put("score", a.hasScore() ? a.score() : null);
    x.put("basis", a.basis());
    if (!a.note().isEmpty()) {
      x.put("note", a.note());
    }
    return x;
  }

  private static Map<String, Object> pkg(InstalledPackage p) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("name", p.name());
    x.put("version", p.version());
    x.put("architecture", p.architecture());
    x.put("source", p.sourceName());
    x.put("source_version", p.sourceVersion());
    if (p.sha256() != null) {
      x.put("sha256", p.sha256());
    }
    if (p.repository() != null) {
      x.put("repository", p.repository());
    }
    if (p.suite() != null) {
      x.put("suite", p.suite());
    }
    return x;
  }
}
