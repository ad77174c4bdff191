package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.fs.TreeExporter;
import dev.ingot.scan.Fixtures;
import dev.ingot.scan.TestRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  @TempDir Path tmp;
  Map<String, String> env;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString(), "HOME", tmp.toString());
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs"));
    root = tmp.resolve("rootfs");
    Files.createDirectories(root);
    new TreeExporter(
            r.blobs(),
            (p, t, m, ma, mi) -> {
              throw new AssertionError("no device nodes in this tree");
            },
            new TreeExporter.Options(false))
        .export(r.tree(), root);
  }

  CliTestSupport.Run ingot(String... args) {
    return CliTestSupport.run(tmp, env, args);
  }

  @Test
  void importInfoAndScanADirectory() throws Exception {
    Path osv = Fixtures.osv(tmp.resolve("osv"));
    Path tracker = Fixtures.tracker(tmp.resolve("tracker/json"));
    CliTestSupport.Run imp = ingot("db", "import", osv.toString());
    assertThat(imp.exitCode()).as(imp.err()).isZero();
    assertThat(imp.out())
        .contains("as 'osv' (osv): 12 advisories")
        .contains("skipped 1: ecosystem FooOS");
    assertThat(ingot("db", "import", tracker.toString()).exitCode()).isZero();

    CliTestSupport.Run info = ingot("db", "info");
    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("osv").contains("debian-tracker").contains("imported 20");
    JsonNode j = new ObjectMapper().readTree(ingot("db", "info", "--json").out());
    assertThat(j.path("sources")).hasSize(2);

    CliTestSupport.Run fail = ingot("scan", root.toString());
    assertThat(fail.exitCode()).as(fail.err()).isEqualTo(1);
    assertThat(fail.out()).contains("FAILED: 3 finding(s)").contains("CVE-2024-0001");

    CliTestSupport.Run pass =
        ingot("scan", root.toString(), "--ignore", "CVE-2024-0001", "--ignore", "CVE-2023-45853");
    assertThat(pass.exitCode()).as(pass.out()).isZero();
    assertThat(pass.out()).contains("PASSED");

    Files.writeString(
        tmp.resolve("ignores.yaml"),
        "- id: CVE-2024-0001\n  until: "
            + LocalDate.now().minusDays(1)
            + "\n  reason: temp\n"
            + "- id: CVE-2023-45853\n  package: zlib\n  reason: minizip not built\n");
    CliTestSupport.Run expired =
        ingot(
            "scan",
            "dir:" + root,
            "--ignore-file",
            "ignores.yaml",
            "--format",
            "json",
            "-o",
            "r.json");
    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.err()).contains("FAILED");
    JsonNode rep = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    assertThat(rep.path("policy").path("notes").get(0).asText()).contains("expired");

    CliTestSupport.Run sarif =
        ingot(
            "scan",
            root.toString(),
            "--fail-on",
            "none",
            "--format",
            "sarif",
            "--checks",
            "baseline");
    assertThat(sarif.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(sarif.out()).path("version").asText())
        .isEqualTo("2.1.0");
  }

  @Test
  void usageAndIoErrorsExitWithTwo() throws Exception {
    assertThat(ingot("scan", tmp.resolve("missing").toString()).exitCode()).isEqualTo(2);
    CliTestSupport.Run img = ingot("scan", "oci-archive:" + tmp.resolve("missing.tar"));
    assertThat(img.exitCode()).isEqualTo(2);
    assertThat(img.err()).contains("missing.tar");
    assertThat(ingot("scan", "no-such-thing").exitCode()).isEqualTo(2);
    assertThat(ingot("scan", root.toString(), "--fail-on", "severe").exitCode()).isEqualTo(2);
    assertThat(ingot("scan", root.toString(), "--format", "pdf").exitCode()).isEqualTo(2);
    assertThat(ingot("scan", root.toString(), "--checks", "cis").exitCode()).isEqualTo(2);
    CliTestSupport.Run bad = ingot("db", "import", tmp.resolve("nothing.zip").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("does not exist");
    CliTestSupport.Run empty = ingot("db", "info");
    assertThat(empty.exitCode()).isZero();
    assertThat(empty.out()).contains("is empty");
    // A scan with an empty database cannot pass: it found nothing because it could look nothing
    // up (it said PASSED, exit 0). Allowed on purpose, it warns.
    CliTestSupport.Run scanEmpty = ingot("scan", root.toString());
    assertThat(scanEmpty.exitCode()).isEqualTo(2);
    assertThat(scanEmpty.err()).contains("advisory database").contains("is empty");
    assertThat(scanEmpty.out()).doesNotContain("PASSED");
    CliTestSupport.Run allowed = ingot("scan", root.toString(), "--allow-empty-db");
    assertThat(allowed.exitCode()).isZero();
    assertThat(allowed.out()).contains("advisory database").contains("is empty");
    // A --db that is a file is not taken for an empty database.
    java.nio.file.Files.writeString(tmp.resolve("dbfile"), "x");
    String db = tmp.resolve("dbfile").toString();
    for (String[] args :
        new String[][] {{"db", "info", "--db", db}, {"db", "import", "--db", db, tmp.toString()}}) {
      CliTestSupport.Run file = ingot(args);
      assertThat(file.exitCode()).as(args[1]).isEqualTo(2);
      assertThat(file.err()).contains("--db names a directory;").contains("dbfile is a file");
    }
    assertThat(tmp.resolve("dbfile")).hasContent("x");
  }

  @Test
  void theReportGoesIntoAPipeAndAFileInThePathIsNamed() throws Exception {
    Path fifo = tmp.resolve("report.pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    // The reader runs on a thread of its own: blocked on a FIFO nobody opens (a failed scan), a
    // common-pool thread starved every later test that used the pool (an HTTP client hung).
    java.util.concurrent.CompletableFuture<String> read =
        new java.util.concurrent.CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                read.complete(Files.readString(fifo));
              } catch (java.io.IOException e) {
                read.completeExceptionally(e);
              }
            });
    CliTestSupport.Run piped =
        ingot("scan", root.toString(), "--format", "json", "-o", "report.pipe", "--allow-empty-db");
    assertThat(piped.exitCode()).as(piped.err()).isZero();
    assertThat(new ObjectMapper().readTree(read.get(30, java.util.concurrent.TimeUnit.SECONDS)))
        .isNotNull();
    assertThat(Files.isRegularFile(fifo)).isFalse();

    // A file where a directory of the output path should be is named, not said to "exist".
    Files.writeString(tmp.resolve("file"), "x");
    CliTestSupport.Run notDir =
        ingot("scan", root.toString(), "-o", "file/x.json", "--allow-empty-db");
    assertThat(notDir.exitCode()).isEqualTo(2);
    assertThat(notDir.err())
        .contains("cannot write file/x.json: " + tmp.resolve("file") + ": not a directory")
        .doesNotContain("exists");
  }

  /**
   * A directory is read in place: it needs no scratch space, so a cache that cannot be made is
   * fine.
   */
  @Test
  void aDirectoryScanNeedsNoWritableCache() throws Exception {
    assertThat(ingot("db", "import", Fixtures.osv(tmp.resolve("osv")).toString()).exitCode())
        .isZero();
    Path notADir = Files.writeString(tmp.resolve("cache-is-a-file"), "");
    CliTestSupport.Run run =
        CliTestSupport.run(
            tmp,
            Map.of("XDG_CACHE_HOME", notADir.toString(), "HOME", tmp.toString()),
            "scan",
            root.toString(),
            "--db",
            tmp.resolve("cache/ingot/scan/db").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("CVE-2024-0001");
  }
}
