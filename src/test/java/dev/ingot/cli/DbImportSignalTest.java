package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
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

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
