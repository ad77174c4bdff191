package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C or SIGTERM during {@code ingot db import URL} (the real launcher, a download from a
 * loopback server that sends part of the file and then stalls): the download stops, its partial
 * file is removed, the advisory database keeps what it had, and the exit code is 128 + the signal.
 */
class DbImportSignalTest {
  @TempDir Path root;

  private static final String RECORD =
      """
      {"id": "DSA-0001-1", "modified": "2026-01-01T00:00:00Z",
       "affected": [{"package": {"ecosystem": "Debian:12", "name": "foo"},
                     "ranges": [{"type": "ECOSYSTEM",
                                 "events": [{"introduced": "0"}, {"fixed": "1.0-1"}]}]}]}
      """;

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalStopsTheDownloadAndKeepsTheDatabase(String signal, int exitCode) throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Path tmp = launcher.tmp();
    Path db = work.resolve("db");
    Files.writeString(work.resolve("DSA-0001-1.json"), RECORD);
    Launcher.Run first = launcher.run(Map.of(), "db", "import", "--db", "db", "DSA-0001-1.json");
    assertThat(first.exitCode()).as(first.all()).isZero();
    List<String> before = names(db);

    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/osv.zip",
        ex -> {
          ex.sendResponseHeaders(200, 64L << 20);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(new byte[256 << 10]);
            out.flush();
            sent.countDown();
            release.await(); // stalls: the download is still running when the signal comes
          } catch (InterruptedException | java.io.IOException e) {
            // the client went away
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/osv.zip";
      Launcher.Started run = launcher.start(Map.of(), "db", "import", "--db", "db", url);
      assertThat(sent.await(60, java.util.concurrent.TimeUnit.SECONDS))
          .as("the download started")
          .isTrue();
      // Signalled once the partial download is on disk.
      for (int i = 0; i < 600 && names(db).stream().noneMatch(n -> n.endsWith(".part")); i++) {
        Thread.sleep(50);
      }
      assertThat(names(db)).anyMatch(n -> n.endsWith(".part"));
      run.signal(signal);
      Launcher.Run r = run.await();

      assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
      assertThat(r.err()).contains("Interrupted: stopping the import");
      assertThat(names(db)).isEqualTo(before);
      Launcher.Run info = launcher.run(Map.of(), "db", "info", "--db", "db");
      assertThat(info.exitCode()).as(info.all()).isZero();
      assertThat(info.out()).contains("dsa-0001-1");
      assertThat(tmp).isEmptyDirectory();
    } finally {
      release.countDown();
      server.stop(0);
    }
  }

  /**
   * SIGTERM while the new segment is being written (its temporary file exists): the import stops,
   * removes that file and keeps the old segment. A signal that comes too late (the import renamed
   * its segment first) proves nothing, so the import is tried again with twice the input; an import
   * that never stops fails the test.
   */
  @Test
  void sigtermWhileTheSegmentIsWrittenKeepsTheOldSegment() throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Path db = work.resolve("db");
    Files.writeString(work.resolve("DSA-0001-1.json"), RECORD);
    List<String> tries = new ArrayList<>();
    for (int records = 200_000; records <= 800_000; records *= 2) {
      // The old segment, stored anew each try (a try the import won replaced it).
      Launcher.Run first = launcher.run(Map.of(), "db", "import", "--db", "db", "DSA-0001-1.json");
      assertThat(first.exitCode()).as(first.all()).isZero();
      Map<String, String> before = contents(db);
      Path big = work.resolve("big.json");
      writeRecords(big, records);
      // Under the name already stored, so that a finished import replaces that segment.
      Launcher.Started run =
          launcher.start(
              Map.of(), "db", "import", "--db", "db", "--name", "osv-dsa-0001-1", "big.json");
      boolean writing = false;
      while (!writing && run.process().isAlive()) {
        writing = names(db).stream().anyMatch(n -> n.startsWith(".osv-dsa") && n.endsWith(".part"));
        LockSupport.parkNanos(200_000);
      }
      if (writing) {
        run.process().destroy(); // SIGTERM by kill(2) at once: kill(1) would take a fork and exec
      }
      Launcher.Run r = run.await();
      Map<String, String> after = contents(db);
      tries.add(records + " records: exit " + r.exitCode() + (writing ? "" : ", not seen writing"));
      if (r.exitCode() == 143 && after.equals(before)) {
        assertThat(r.err()).contains("Interrupted: stopping the import");
        assertThat(launcher.tmp()).isEmptyDirectory();
        Launcher.Run info = launcher.run(Map.of(), "db", "info", "--db", "db");
        assertThat(info.out()).as(info.all()).contains("dsa-0001-1").contains(" 1 advisories");
        return;
      }
      // The import won the race (exit 0, or a signal after its end): try again with more input.
      assertThat(r.exitCode()).as(r.all()).isIn(0, 143);
    }
    throw new AssertionError("the import was never stopped while writing its segment: " + tries);
  }

  /** An OSV export as one JSON array of {@code n} records about n / 4 packages. */
  private static void writeRecords(Path file, int n) throws Exception {
    try (java.io.Writer w = Files.newBufferedWriter(file)) {
      w.write('[');
      for (int i = 0; i < n; i++) {
        w.write(
            (i == 0 ? "" : ",\n")
                + """
                {"id": "DSA-%d-1", "modified": "2026-01-01T00:00:00Z",
                 "details": "a long enough description of the issue %d, so the segment is large",
                 "affected": [{"package": {"ecosystem": "Debian:12", "name": "pkg%d"},
                   "ranges": [{"type": "ECOSYSTEM",
                               "events": [{"introduced": "0"}, {"fixed": "1.%d-1"}]}]}]}"""
                    .formatted(i, i, i % (n / 4), i));
      }
      w.write(']');
    }
  }

  /** The database's files by name, with their bytes in hex. */
  private static Map<String, String> contents(Path db) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(db)) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
