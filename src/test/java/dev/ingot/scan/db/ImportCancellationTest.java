package dev.ingot.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.plugin.Cancellation;
import dev.ingot.scan.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancelled import (Ctrl-C, SIGTERM) stops where it is, in the parsing or in the segment's write,
 * and leaves the database byte for byte as it was. Each check is reached here with a token
 * cancelled beforehand, so a missing check lets the import through and fails the test.
 */
class ImportCancellationTest {
  @TempDir Path tmp;
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aCancelledImportLeavesTheDatabaseByteForByte() throws Exception {
    Path db = tmp.resolve("db");
    Path osv = Fixtures.osv(tmp.resolve("osv"));
    Path tracker = Fixtures.tracker(tmp.resolve("t/json"));
    new DbImport(db).run(osv.toString(), "auto", "osv", NOW);
    new DbImport(db).run(tracker.toString(), "auto", null, NOW);
    Map<String, String> before = contents(db);

    for (Path source : List.of(osv, tracker)) {
      // Under the names already stored: a finished import would replace their segments.
      String name = source.equals(osv) ? "osv" : "debian-tracker";
      assertThatThrownBy(
              () ->
                  new DbImport(db, cancelled())
                      .run(source.toString(), "auto", name, NOW.plusSeconds(60)))
          .isInstanceOf(Cancellation.CancelledException.class);
      assertThat(contents(db)).as(source.toString()).isEqualTo(before);
    }
  }

  @Test
  void theReadersStopAtTheirFirstRecord() throws Exception {
    Path osv = Fixtures.osv(tmp.resolve("osv"));
    assertThatThrownBy(() -> new OsvImporter(1, cancelled()).read(osv))
        .isInstanceOf(Cancellation.CancelledException.class);
    try (InputStream in = Files.newInputStream(Fixtures.tracker(tmp.resolve("t/json")))) {
      assertThatThrownBy(() -> new DebianTrackerImporter(cancelled()).read(in))
          .isInstanceOf(Cancellation.CancelledException.class);
    }
  }

  @Test
  void aCancelledWriteRemovesItsPartAndKeepsThePreviousSegment() throws Exception {
    Path db = tmp.resolve("db");
    List<Advisory> recs =
        List.of(
            SegmentFormatTest.adv("X-1", "Debian:12", "openssl", "1.0-1"),
            SegmentFormatTest.adv("X-2", "Debian:12", "tar", "1.0-1"));
    AdvisoryDb.store(db, "t", "osv", "test", NOW, ImportResult.of(recs, 2, Map.of()));
    Map<String, String> before = contents(db);

    // Stopped at a block; and, with no block to write, at the check before the rename.
    for (List<Advisory> next : List.of(recs.reversed(), List.<Advisory>of())) {
      ImportResult r = ImportResult.of(next, 1, Map.of());
      assertThatThrownBy(() -> AdvisoryDb.store(db, "t", "osv", "again", NOW, r, cancelled()))
          .isInstanceOf(Cancellation.CancelledException.class);
      assertThat(contents(db)).as(next.size() + " records").isEqualTo(before);
    }
  }

  private static Cancellation cancelled() {
    Cancellation c = new Cancellation();
    c.cancel();
    return c;
  }

  /** Every entry of {@code dir} by relative name, with a file's bytes in hex. */
  private static Map<String, String> contents(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        m.put(
            dir.relativize(p).toString(),
            Files.isRegularFile(p) ? HexFormat.of().formatHex(Files.readAllBytes(p)) : "dir");
      }
    }
    return m;
  }
}
