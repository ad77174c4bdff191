package dev.ingot.scan.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.scan.Fixtures;
import dev.ingot.scan.cvss.Rating;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.DbImport;
import dev.ingot.scan.db.RangeEvent;
import dev.ingot.scan.db.VendorState;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.InventoryReader;
import dev.ingot.scan.inventory.PackageSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherTest {
  @TempDir Path tmp;
  Path db;
  Inventory inv;

  @BeforeEach
  void setUp() throws Exception {
    db = tmp.resolve("db");
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    new DbImport(db).run(Fixtures.osv(tmp.resolve("osv")).toString(), "auto", null, now);
    new DbImport(db).run(Fixtures.tracker(tmp.resolve("json")).toString(), "auto", null, now);
    inv =
        new InventoryReader()
            .read(PackageSource.of(Fixtures.debianRoot(tmp.resolve("blobs")).view()));
  }

  Matcher.Result match() throws Exception {
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      return new Matcher(d, Severities.SOURCES).match(inv);
    }
  }

  @Test
  void matchesExactlyTheAffectedPackages() throws Exception {
    Matcher.Result r = match();
    Map<String, List<String>> byPkg =
        r.findings().stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.pkg().name(),
                    java.util.TreeMap::new,
                    Collectors.mapping(Finding::id, Collectors.toList())));
    assertThat(byPkg)
        .containsOnlyKeys("libssl3", "openssl", "zlib1g", "perl-base", "libc6", "tar", "curl");
    // fixed after the installed version, and the "~" case; not the one fixed before.
    assertThat(byPkg.get("libssl3")).containsExactlyInAnyOrder("CVE-2024-0001", "CVE-2023-0003");
    assertThat(byPkg.get("openssl")).containsExactlyInAnyOrder("CVE-2024-0001", "CVE-2023-0003");
    // epochs: the epoch-0 fix is installed, the epoch-1 fix is not.
    assertThat(byPkg.get("zlib1g")).containsExactly("CVE-2023-45853");
    // last_affected includes that version; the tracker's no-dsa is kept.
    assertThat(byPkg.get("perl-base")).containsExactlyInAnyOrder("CVE-2023-0006", "CVE-2023-0030");
    assertThat(byPkg.get("libc6"))
        .containsExactlyInAnyOrder(
            "CVE-2010-4756", "CVE-2024-0020", "CVE-2024-0021", "CVE-2024-0022");
    // not-affected suppresses the OSV record of the same CVE; Debian 11 does not apply.
    assertThat(byPkg.get("tar")).containsExactly("CVE-2005-2541");
    assertThat(r.suppressed()).singleElement().asString().contains("CVE-2024-0012");
    // explicit versions list; the buster end-of-life entry does not apply.
    assertThat(byPkg.get("curl")).containsExactly("CVE-2024-0011");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void findingsCarryFixStateSeverityAndExplanation() throws Exception {
    List<Finding> f = match().findings();
    Finding ssl = find(f, "libssl3", "CVE-2024-0001");
    assertThat(ssl.fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
    assertThat(ssl.matchedName()).isEqualTo("openssl");
    assertThat(ssl.aliases()).contains("DSA-5000-1");
    assertThat(ssl.severity().source()).isEqualTo("cvss_v3");
    assertThat(ssl.severity().score()).isEqualTo(9.8);
    assertThat(ssl.severity().rating()).isEqualTo(Rating.CRITICAL);
    assertThat(ssl.why()).contains("source openssl 3.0.11-1~deb12u2 (of libssl3");
    assertThat(ssl.why()).contains("fixed 3.0.13-1~deb12u1");

    Finding tilde = find(f, "openssl", "CVE-2023-0003");
    assertThat(tilde.severity().source()).isEqualTo("cvss_v4");
    assertThat(tilde.severity().score()).isEqualTo(6.9);

    Finding glibcHigh = find(f, "libc6", "CVE-2024-0022");
    assertThat(glibcHigh.severity().source()).isEqualTo("vendor");
    assertThat(glibcHigh.severity().rating()).isEqualTo(Rating.HIGH);
    assertThat(glibcHigh.severity().note()).contains("Debian has no critical urgency");
    assertThat(glibcHigh.fixedVersion()).isEqualTo("2.36-9+deb12u7");

    assertThat(find(f, "libc6", "CVE-2010-4756").state()).isEqualTo(VendorState.UNFIXED);
    assertThat(find(f, "libc6", "CVE-2010-4756").hasFix()).isFalse();
    assertThat(find(f, "libc6", "CVE-2024-0020").state()).isEqualTo(VendorState.POSTPONED);
    assertThat(find(f, "libc6", "CVE-2024-0021").state()).isEqualTo(VendorState.IGNORED);
    assertThat(find(f, "perl-base", "CVE-2023-0030").state()).isEqualTo(VendorState.NO_DSA);
    assertThat(find(f, "perl-base", "CVE-2023-0006").why())
        .contains("last affected 5.36.0-7+deb12u1");
    // Sorted most severe first.
    assertThat(f.get(0).severity().rating()).isEqualTo(Rating.CRITICAL);
  }

  @Test
  void severitySourceOrderIsHonoured() throws Exception {
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      List<Finding> f = new Matcher(d, List.of("vendor", "cvss_v3")).match(inv).findings();
      // No vendor word on this OSV record: falls through to CVSS v3.
      assertThat(find(f, "zlib1g", "CVE-2023-45853").severity().source()).isEqualTo("cvss_v3");
      List<Finding> g = new Matcher(d, List.of("cvss_v3")).match(inv).findings();
      assertThat(find(g, "openssl", "CVE-2023-0003").severity().rating()).isEqualTo(Rating.UNKNOWN);
    }
  }

  @Test
  void unsupportedDistributionIsAWarningNotASilentPass() throws Exception {
    Inventory other =
        new Inventory(
            new dev.ingot.scan.inventory.OsRelease("photon", "5.0", "", ""),
            "rpm",
            inv.packages(),
            Map.of(),
            List.of());
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      Matcher.Result r = new Matcher(d, Severities.SOURCES).match(other);
      assertThat(r.findings()).isEmpty();
      assertThat(r.warnings()).singleElement().asString().contains("not supported");
    }
  }

  @Test
  void rangeSemantics() {
    RangeMatcher m = new RangeMatcher(dev.ingot.pkg.deb.DebVersion::compare);
    List<RangeEvent> twoSpans =
        List.of(
            RangeEvent.introduced("1.0-1"),
            RangeEvent.fixed("1.2-1"),
            RangeEvent.introduced("2.0-1"),
            RangeEvent.fixed("2.1-1"));
    assertThat(m.evaluate("0.9-1", twoSpans).affected()).isFalse();
    assertThat(m.evaluate("1.0-1", twoSpans).affected()).isTrue();
    assertThat(m.evaluate("1.1-3", twoSpans).fixed()).isEqualTo("1.2-1");
    assertThat(m.evaluate("1.2-1", twoSpans).affected()).isFalse();
    assertThat(m.evaluate("2.0.5-1", twoSpans).fixed()).isEqualTo("2.1-1");
    assertThat(m.evaluate("3-1", twoSpans).affected()).isFalse();
    assertThat(m.evaluate("1.2~rc1-1", twoSpans).affected()).isTrue();
  }

  private static Finding find(List<Finding> f, String pkg, String id) {
    return f.stream()
        .filter(x -> x.pkg().name().equals(pkg) && x.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + id + " on " + pkg));
  }
}
