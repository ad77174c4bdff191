package dev.ingot.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapped segment format and the streaming OSV reader, on inputs built here. */
class SegmentFormatTest {
  @TempDir Path tmp;
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  static Advisory adv(String id, String eco, String pkg, String fixed) {
    return new Advisory(
        Advisory.Origin.OSV,
        id,
        List.of("CVE-" + id),
        "summary of " + id,
        "2026-01-01T00:00:00Z",
        List.of(new SeverityVector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
        "",
        eco,
        pkg,
        "",
        List.of(List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed))),
        List.of(),
        VendorState.AFFECTED,
        "",
        List.of());
  }

  @Test
  void everyKeyIsFoundByTheBinarySearchOverTheMappedIndexAndNoOtherIs() throws Exception {
    List<Advisory> recs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      names.add("pkg" + Integer.toString(i * 7919 % 1000, 36));
    }
    // Non-ASCII names sort by their UTF-8 bytes, above every ASCII name; a prefix sorts first.
    names.addAll(List.of("zé", "zz", "z", "ünïcode", "a", "a+", "a-"));
    for (String n : names) {
      recs.add(adv("A-" + n, "Debian:12", n, "1.0-1"));
      recs.add(adv("B-" + n, "Debian:12", n, "2.0-1"));
    }
    recs.add(adv("C-1", "Debian", "zé", "3.0-1"));
    Path db = tmp.resolve("db");
    AdvisoryDb.store(db, "t", "osv", "test", NOW, ImportResult.of(recs, recs.size(), Map.of()));
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      assertThat(d.keyCounts()).containsEntry("t", names.size() + 1);
      for (String n : names) {
        assertThat(d.lookup("Debian:12", n))
            .extracting(Advisory::id)
            .containsExactly("A-" + n, "B-" + n);
      }
      assertThat(d.lookup("Debian", "zé")).extracting(Advisory::id).containsExactly("C-1");
      assertThat(d.lookup("Debian:12", "zé").get(0))
          .isEqualTo(adv("A-zé", "Debian:12", "zé", "1.0-1"));
      for (String missing : List.of("", "pkg", "zzz", "ü", "Z", "a++", "\u0000")) {
        assertThat(d.lookup("Debian:12", missing.isEmpty() ? "-" : missing)).isEmpty();
      }
      assertThat(d.lookup("Debian:11", "a")).isEmpty();
    }
  }

  @Test
  void anOlderFormatOrADamagedFileSaysToReimport() throws Exception {
    Path db = tmp.resolve("db");
    List<Advisory> recs = List.of(adv("X-1", "Debian:12", "openssl", "1.0-1"));
    AdvisoryDb.store(db, "t", "osv", "test", NOW, ImportResult.of(recs, 1, Map.of()));
    Path seg = db.resolve("t.adb");
    byte[] good = Files.readAllBytes(seg);

    byte[] old = good.clone();
    ByteBuffer.wrap(old).putInt(8, 1);
    Files.write(seg, old);
    assertThatThrownBy(() -> AdvisoryDb.open(db))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("has format 1")
        .hasMessageContaining("re-import");

    Files.write(seg, java.util.Arrays.copyOf(good, good.length - 5));
    try (AdvisoryDb d = AdvisoryDb.open(db)) {
      assertThatThrownBy(() -> d.lookup("Debian:12", "openssl"))
          .isInstanceOf(AdvisoryDbException.class)
          .hasMessageContaining("truncated");
    }
    Files.write(seg, java.util.Arrays.copyOf(good, 40));
    assertThatThrownBy(() -> AdvisoryDb.open(db))
        .isInstanceOf(AdvisoryDbException.class)
        .hasMessageContaining("re-import");
  }

  @Test
  void theStreamingReaderTakesFieldsInAnyOrderAndSkipsWhatItDoesNotUse() throws Exception {
    OsvRecordReader r = new OsvRecordReader(new com.fasterxml.jackson.core.JsonFactory());
    // Fields in an unusual order, nested data Ingot ignores, a GIT range, a range whose type
    // comes after its events, numbers where strings are expected.
    read(
        r,
        """
        {"affected":[
           {"ranges":[{"events":[{"introduced":"0"},{"fixed":"1.2-3"},{"unknown":"x"}],
                       "type":"ECOSYSTEM","database_specific":{"a":[1,{"b":2}]}},
                      {"type":"GIT","events":[{"introduced":"abc"}]}],
            "database_specific":{"severity":"HIGH","x":{"y":[]}},
            "package":{"purl":"pkg:deb/debian/foo","name":"foo","ecosystem":"Debian:12.5"}},
           "not an object",
           {"package":{"ecosystem":"npm","name":"left-pad"},"versions":["1.0.0"]}],
         "references":[{"url":"u1"},{"type":"WEB"},{"url":"u2"}],
         "extra":{"deep":[[[{"id":"not this one"}]]]},
         "upstream":["CVE-1"], "aliases":["GHSA-1"], "modified":"m", "id":"REC-1",
         "details":"first line\\nsecond line"}
        """);
    // An array document; a non-object element and a record without affected are not records.
    read(
        r,
        """
        [{"id":"REC-2","affected":[{"package":{"ecosystem":"Debian","name":"bar"},
            "versions":[7,"8"],"ecosystem_specific":{"severity":"low","urgency":" "}}]},
         42, {"id":"REC-3"}]
        """);
    // Invalid JSON contributes nothing, not even the records before the error.
    read(r, "[{\"id\":\"REC-4\",\"affected\":[]}, {\"id\": ");
    read(r, "");
    assertThat(r.advisories).isEqualTo(2);
    assertThat(r.skipped)
        .containsEntry("affected entry without ecosystem or name", 1L)
        .containsEntry("ecosystem npm", 1L)
        .containsEntry("not an OSV record", 2L)
        .containsEntry("invalid JSON", 2L);
    List<Advisory> recs = r.records.decode();
    assertThat(recs).hasSize(2);
    // decode() lists keys in stored order: "Debian" sorts before "Debian:12".
    Advisory foo = recs.get(1);
    assertThat(foo.id()).isEqualTo("REC-1");
    assertThat(foo.aliases()).containsExactly("GHSA-1", "CVE-1");
    assertThat(foo.ecosystem()).isEqualTo("Debian:12");
    assertThat(foo.summary()).isEqualTo("first line");
    assertThat(foo.ranges())
        .containsExactly(List.of(RangeEvent.introduced("0"), RangeEvent.fixed("1.2-3")));
    assertThat(foo.vendorSeverity()).isEqualTo("HIGH");
    assertThat(foo.references()).containsExactly("u1", "u2");
    assertThat(foo.purl()).isEqualTo("pkg:deb/debian/foo");
    Advisory bar = recs.get(0);
    assertThat(bar.id()).isEqualTo("REC-2");
    assertThat(bar.versions()).containsExactly("7", "8");
    assertThat(bar.vendorSeverity()).isEqualTo("low");
  }

  private static void read(OsvRecordReader r, String json) throws Exception {
    r.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aParallelImportGivesTheSameRecordsInTheSameOrderAsASequentialOne() throws Exception {
    Path zip = tmp.resolve("many.zip");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (int i = 0; i < 400; i++) {
        z.putNextEntry(new ZipEntry("R-" + i + ".json"));
        String body =
            i % 97 == 0
                ? "{broken"
                : """
                  {"id":"R-%d","affected":[{"package":{"ecosystem":"Debian:12","name":"p%d"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"%d.0-1"}]}]}]}
                  """
                    .formatted(i, i % 13, i);
        z.write(body.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    ImportResult one = new OsvImporter(1).read(zip);
    ImportResult three = new OsvImporter(3).read(zip);
    assertThat(one.records().decode()).hasSize(395);
    assertThat(three.records().decode()).isEqualTo(one.records().decode());
    assertThat(three.skipped()).isEqualTo(one.skipped()).containsEntry("invalid JSON", 5L);
    assertThat(three.advisories()).isEqualTo(395);
  }
}
