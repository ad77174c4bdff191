package dev.ingot.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.scan.Fixtures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryDbTest {
  @TempDir Path tmp;
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void importsOsvDirectoryAndCountsWhatItSkips() throws Exception {
    Path db = tmp.resolve("db");
    SegmentMeta m =
        new DbImport(db).run(Fixtures.osv(tmp.resolve("osv")).toString(), "auto", null, NOW);
    assertThat(m.kind()).isEqualTo("osv");
    assertThat(m.name()).isEqualTo("osv");
    assertThat(m.importedAt()).isEqualTo(NOW);
    assertThat(m.skipped()).containsEntry("ecosystem FooOS", 1L).containsEntry("withdrawn", 1L);
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      List<Advisory> ssl = d.lookup("Debian:12", "openssl");
      assertThat(ssl)
          .extracting(Advisory::id)
          .containsExactlyInAnyOrder("DSA-5000-1", "DSA-5001-1", "DEBIAN-CVE-2023-0003");
      Advisory dsa =
          ssl.stream().filter(a -> a.id().equals("DSA-5000-1")).findFirst().orElseThrow();
      assertThat(dsa.aliases()).containsExactly("CVE-2024-0001");
      assertThat(dsa.ranges()).singleElement().asList().hasSize(2);
      assertThat(dsa.severities())
          .singleElement()
          .extracting(SeverityVector::type)
          .isEqualTo("CVSS_V3");
      assertThat(dsa.purl()).isEqualTo("pkg:deb/debian/openssl?arch=source");
      assertThat(dsa.references()).containsExactly("https://example.invalid/DSA-5000-1");
      assertThat(d.lookup("FooOS:1", "openssl")).isEmpty();
      assertThat(d.lookup("Debian:12", "nonexistent")).isEmpty();
      assertThat(d.lookup("Debian:11", "tar")).hasSize(1);
      Advisory perl = d.lookup("Debian:12", "perl").get(0);
      assertThat(perl.vendorSeverity()).isEqualTo("medium");
    }
  }

  @Test
  void importsOsvZipAndReplacesAnEarlierImportOfTheSameName() throws Exception {
    Path osv = Fixtures.osv(tmp.resolve("osv"));
    Path zip = tmp.resolve("Debian.zip");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      try (var files = Files.list(osv)) {
        for (Path f : files.sorted().toList()) {
          z.putNextEntry(new ZipEntry(f.getFileName().toString()));
          z.write(Files.readAllBytes(f));
          z.closeEntry();
        }
      }
    }
    Path db = tmp.resolve("db");
    SegmentMeta first = new DbImport(db).run(zip.toString(), "auto", null, NOW);
    assertThat(first.name()).isEqualTo("osv-debian");
    SegmentMeta again = new DbImport(db).run(zip.toString(), "auto", null, NOW.plusSeconds(60));
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      assertThat(d.segments()).singleElement().isEqualTo(again);
      assertThat(d.lookup("Debian:12", "openssl")).hasSize(3);
    }
    try (var left = Files.list(db)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("osv-debian.adb");
    }
  }

  @Test
  void importsTheDebianTrackerWithItsStates() throws Exception {
    Path db = tmp.resolve("db");
    SegmentMeta m =
        new DbImport(db).run(Fixtures.tracker(tmp.resolve("t/json")).toString(), "auto", null, NOW);
    assertThat(m.kind()).isEqualTo("debian-tracker");
    assertThat(m.name()).isEqualTo("debian-tracker");
    assertThat(m.skipped()).containsEntry("release sid", 1L);
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      List<Advisory> glibc = d.lookup("Debian:12", "glibc");
      assertThat(glibc)
          .extracting(a -> a.id() + " " + a.state().label() + " " + a.vendorSeverity())
          .containsExactlyInAnyOrder(
              "CVE-2010-4756 unfixed unimportant",
              "CVE-2024-0020 postponed low",
              "CVE-2024-0021 ignored low",
              "CVE-2024-0022 affected high",
              "CVE-2024-0023 undetermined ");
      assertThat(d.lookup("Debian:12", "tar"))
          .extracting(a -> a.id() + " " + a.state().label())
          .contains("CVE-2024-0012 not-affected");
      assertThat(d.lookup("Debian:12", "perl").get(0).state()).isEqualTo(VendorState.NO_DSA);
      assertThat(d.lookup("Debian:12", "perl").get(0).vendorSeverity()).isEqualTo("medium");
      assertThat(d.lookup("Debian:10", "curl").get(0).state()).isEqualTo(VendorState.END_OF_LIFE);
    }
  }

  @Test
  void importsFromAnHttpUrlOnce() throws Exception {
    Path tracker = Fixtures.tracker(tmp.resolve("t/json"));
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/tracker/data/json",
        ex -> {
          byte[] b = Files.readAllBytes(tracker);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    server.createContext(
        "/missing",
        ex -> {
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path db = tmp.resolve("db");
      SegmentMeta m = new DbImport(db).run(base + "/tracker/data/json", "auto", null, NOW);
      assertThat(m.kind()).isEqualTo("debian-tracker");
      assertThat(m.origin()).startsWith("http://127.0.0.1:");
      assertThatThrownBy(() -> new DbImport(db).run(base + "/missing", "auto", "x", NOW))
          .isInstanceOf(AdvisoryDbException.class)
          .hasMessageContaining("HTTP 404");
      try (var left = Files.list(db)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("debian-tracker.adb");
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badSourcesAreClearErrorsAndLeaveNothingBehind() throws Exception {
    Path db = tmp.resolve("db");
    assertThatThrownBy(
            () -> new DbImport(db).run(tmp.resolve("nope").toString(), "auto", null, NOW))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("does not exist");
    Path junk = tmp.resolve("junk.json");
    Files.writeString(junk, "[1, 2, 3]");
    assertThatThrownBy(() -> new DbImport(db).run(junk.toString(), "auto", null, NOW))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("no advisories");
    Path notTracker = tmp.resolve("t.json");
    Files.writeString(notTracker, "{\"pkg\": 3}");
    assertThatThrownBy(
            () -> new DbImport(db).run(notTracker.toString(), "debian-tracker", null, NOW))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("not an object");
    assertThatThrownBy(() -> new DbImport(db).run(junk.toString(), "auto", "../evil", NOW))
        .isInstanceOf(AdvisoryDbException.class);
    assertThat(Files.exists(db) ? Files.list(db).count() : 0).isZero();
  }

  @Test
  void aCorruptSegmentIsReportedWithWhatToDo() throws Exception {
    Path db = tmp.resolve("db");
    Files.createDirectories(db);
    Files.writeString(db.resolve("broken.adb"), "INGOTADB");
    assertThatThrownBy(() -> AdvisoryDb.open(db))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("re-import");
  }

  @Test
  void ecosystemsOfReleases() {
    assertThat(Ecosystems.forRelease("debian", "12", "bookworm"))
        .containsExactly("Debian:12", "Debian");
    assertThat(Ecosystems.forRelease("debian", "", "trixie"))
        .containsExactly("Debian:13", "Debian");
    assertThat(Ecosystems.forRelease("photon", "5.0", "")).isEmpty();
    assertThat(Ecosystems.normalize("Debian:12.4")).isEqualTo("Debian:12");
    assertThat(Ecosystems.supported("npm")).isFalse();
  }
}
