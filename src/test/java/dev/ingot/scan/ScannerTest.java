package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.scan.db.DbImport;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.match.Severities;
import dev.ingot.scan.policy.FailOn;
import dev.ingot.scan.policy.Ignore;
import dev.ingot.scan.policy.Policy;
import dev.ingot.scan.policy.Verdict;
import dev.ingot.scan.report.ReportFormat;
import dev.ingot.scan.report.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  @TempDir Path tmp;
  Path db;
  PackageSource source;

  @BeforeEach
  void setUp() throws Exception {
    db = tmp.resolve("db");
    Instant imported = Instant.parse("2026-02-28T08:00:00Z");
    new DbImport(db).run(Fixtures.osv(tmp.resolve("osv")).toString(), "auto", null, imported);
    new DbImport(db).run(Fixtures.tracker(tmp.resolve("json")).toString(), "auto", null, imported);
    source = PackageSource.of(Fixtures.debianRoot(tmp.resolve("blobs")).view());
  }

  ScanReport scan(Policy p) throws Exception {
    return new Scanner(db, "0.1.0").scan(source, p, NOW);
  }

  static Policy policy(FailOn f, boolean onlyFixed, List<Ignore> ignores) {
    return new Policy(f, onlyFixed, ignores, Severities.SOURCES, List.of());
  }

  @Test
  void defaultPolicyFailsOnTheCriticalFindingsAndSaysWhich() throws Exception {
    ScanReport r = scan(Policy.DEFAULT);
    assertThat(r.result().failed()).isTrue();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.result().failing())
        .extracting(f -> f.id() + " " + f.pkg().name())
        .containsExactlyInAnyOrder(
            "CVE-2024-0001 libssl3", "CVE-2024-0001 openssl", "CVE-2023-45853 zlib1g");
    assertThat(r.result().summary())
        .startsWith("3 finding(s) at or above fail_on = critical: ")
        .contains("CVE-2024-0001 (libssl3)");
  }

  @Test
  void failOnHighAlsoCountsTheVendorRatedHigh() throws Exception {
    ScanReport r = scan(policy(FailOn.HIGH, false, List.of()));
    assertThat(r.result().failing()).extracting(f -> f.id()).contains("CVE-2024-0022");
    assertThat(scan(policy(FailOn.NONE, false, List.of())).result().failed()).isFalse();
  }

  @Test
  void onlyFixedIgnoresFindingsWithoutAFix() throws Exception {
    ScanReport r = scan(policy(FailOn.LOW, true, List.of()));
    assertThat(r.result().findings())
        .filteredOn(j -> j.item().id().equals("CVE-2010-4756"))
        .allSatisfy(j -> assertThat(j.verdict()).isInstanceOf(Verdict.NotFixable.class));
    assertThat(r.result().failing()).allSatisfy(f -> assertThat(f.hasFix()).isTrue());
    assertThat(r.result().failing()).isNotEmpty();
  }

  @Test
  void ignoresApplyUntilTheirDateAndExpiredOnesAreReported() throws Exception {
    Ignore ssl =
        new Ignore("CVE-2024-0001", null, LocalDate.of(2026, 6, 30), "patched in our fork");
    Ignore zlibByAlias = new Ignore("DEBIAN-CVE-2023-45853", "zlib", null, "minizip not built");
    ScanReport pass = scan(policy(FailOn.CRITICAL, false, List.of(ssl, zlibByAlias)));
    assertThat(pass.result().failed()).isFalse();
    assertThat(pass.exitCode()).isZero();
    assertThat(pass.result().findings())
        .filteredOn(j -> j.item().id().equals("CVE-2024-0001"))
        .allSatisfy(j -> assertThat(j.verdict().reason()).contains("patched in our fork"));

    Ignore expired = new Ignore("CVE-2024-0001", "openssl", LocalDate.of(2026, 2, 1), "temporary");
    ScanReport fail = scan(policy(FailOn.CRITICAL, false, List.of(expired, zlibByAlias)));
    assertThat(fail.result().failed()).isTrue();
    assertThat(fail.result().failing()).extracting(f -> f.id()).containsOnly("CVE-2024-0001");
    assertThat(fail.result().notes())
        .singleElement()
        .asString()
        .contains("expired on 2026-02-01 and no longer applies");
  }

  @Test
  void reportsInEveryFormat() throws Exception {
    Policy p =
        new Policy(
            FailOn.CRITICAL,
            false,
            List.of(new Ignore("CVE-2023-45853", null, null, "minizip is not built")),
            Severities.SOURCES,
            List.of("baseline"));
    ScanReport r = scan(p);
    String table = ReportFormat.TABLE.render(r);
    Golden.check("scan-table.txt", table);
    assertThat(table).contains("CRITICAL (3)").contains("3.0.13-1~deb12u1").contains("curl");

    JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(r));
    assertThat(json.path("schema").asText()).isEqualTo("ingot-scan/1");
    assertThat(json.path("policy").path("passed").asBoolean()).isFalse();
    JsonNode first = json.path("findings").get(0);
    assertThat(first.path("severity").path("score").asDouble()).isEqualTo(9.8);
    assertThat(first.path("verdict").path("outcome").asText()).isEqualTo("fails");
    assertThat(json.path("packages")).hasSize(7);
    assertThat(json.path("checks").size()).isEqualTo(17);

    JsonNode sarif = new ObjectMapper().readTree(ReportFormat.SARIF.render(r));
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("Ingot");
    assertThat(run.path("results").size())
        .isEqualTo(r.result().findings().size() + r.result().checks().size());
    JsonNode zlib = null;
    for (JsonNode res : run.path("results")) {
      if (res.path("ruleId").asText().equals("CVE-2023-45853")) {
        zlib = res;
      }
    }
    assertThat(zlib).isNotNull();
    assertThat(zlib.path("suppressions").get(0).path("justification").asText()).contains("minizip");
    assertThat(
            run.path("tool")
                .path("driver")
                .path("rules")
                .get(0)
                .path("properties")
                .path("security-severity")
                .asText())
        .isEqualTo("9.8");

    String html = ReportFormat.HTML.render(r);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Packages (7)");
    assertThat(html).doesNotContain("<script").doesNotContain("src=\"http");
  }

  @Test
  void htmlEscapesWhatAdvisoriesSay() throws Exception {
    Path osv = tmp.resolve("evil");
    Files.createDirectories(osv);
    Files.writeString(
        osv.resolve("x.json"),
        """
        {"id":"EVIL-1","summary":"<script>alert(1)</script>",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"tar"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    new DbImport(db).run(osv.toString(), "auto", "evil", NOW);
    String html = ReportFormat.HTML.render(scan(Policy.DEFAULT));
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void theTableEscapesTerminalControlsInPackageNamesAndAdvisories() throws Exception {
    // A package name and an advisory that would recolour the terminal and forge a line.
    String status =
        Fixtures.STATUS
            + "\nPackage: ev\u001b[31mil\nStatus: install ok installed\nArchitecture: amd64\n"
            + "Version: 1.0-1\n";
    PackageSource hostile =
        PackageSource.of(
            new TestRoots(tmp.resolve("hostile-blobs"))
                .debian12()
                .file("var/lib/dpkg/status", status)
                .view());
    Path osv = tmp.resolve("evil");
    Files.createDirectories(osv);
    Files.writeString(
        osv.resolve("x.json"),
        """
        {"id":"EVIL-1\\nFAKE-LINE\\u009b2J\\u202e","summary":"x",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"ev\\u001b[31mil"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},
             {"fixed":"2.0"}]}]}]}
        """);
    new DbImport(db).run(osv.toString(), "auto", "evil", NOW);
    ScanReport r = new Scanner(db, "0.1.0").scan(hostile, Policy.DEFAULT, NOW);
    String table = ReportFormat.TABLE.render(r);
    assertThat(table)
        .contains("ev\\x1b[31mil")
        .contains("EVIL-1\\x0aFAKE-LINE\\x9b2J\\u202e")
        .doesNotContain("\u001b")
        .doesNotContain("\u009b")
        .doesNotContain("\u202e")
        .doesNotContain("\nFAKE-LINE");
    // JSON and SARIF carry the same strings, escaped so a log of them is as safe.
    for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.SARIF)) {
      String json = f.render(r);
      assertThat(json)
          .as(f.name())
          .contains("EVIL-1\\nFAKE-LINE\\u009b2J\\u202e")
          .doesNotContain("\u009b")
          .doesNotContain("\u202e")
          .doesNotContain("\u001b");
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString())
          .as(f.name())
          .contains("FAKE-LINE\u009b2J\u202e"); // a JSON reader gets the same string back
    }
  }

  @Test
  void anEmptyDatabaseFailsTheScanUnlessAllowedThenWarns() throws Exception {
    // It passed with a warning: a gate that could look nothing up let every image through.
    assertThatThrownBy(
            () -> new Scanner(tmp.resolve("none"), "0.1.0").scan(source, Policy.DEFAULT, NOW))
        .isInstanceOf(dev.ingot.scan.db.AdvisoryDbException.class)
        .hasMessageContaining("is empty")
        .hasMessageContaining("ingot db import");
    ScanReport r =
        new Scanner(tmp.resolve("none"), "0.1.0", true).scan(source, Policy.DEFAULT, NOW);
    assertThat(r.result().failed()).isFalse();
    assertThat(r.warnings()).anyMatch(w -> w.contains("advisory database") && w.contains("empty"));
  }
}
