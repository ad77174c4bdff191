package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.plugin.ContainerPostProcessor;
import dev.ingot.plugin.Config;
import dev.ingot.scan.Fixtures;
import dev.ingot.scan.TestRoots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images written by the container post-processor (OCI layout, oci-archive, docker-archive) are read
 * back by oci's ImageReader and scanned: the findings equal those of the root filesystem.
 */
class ScanImageTest {
  @TempDir Path tmp;

  @Test
  void scansEveryImageFormatLikeTheRootFilesystem() throws Exception {
    Map<String, String> env = cacheWithAdvisories();
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs"));
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(), "system", "amd64", "debian-12");
    ContainerImage img =
        (ContainerImage)
            new ContainerPostProcessor()
                .process(
                    Config.of(Map.of("formats", List.of("oci", "oci-archive", "docker-archive"))),
                    fs,
                    OciTestSupport.ctx(tmp.resolve("build"), "sample"));
    Path layout = img.layout();
    Path ociArchive = img.outputs().get(1);
    Path dockerArchive = img.outputs().get(2);
    TreeSet<String> expected = null;
    for (String target :
        List.of(
            "oci-layout:" + layout,
            "oci-archive:" + ociArchive,
            "docker-archive:" + dockerArchive)) {
      CliTestSupport.Run run = CliTestSupport.run(tmp, env, "scan", target, "--format", "json");
      assertThat(run.exitCode()).as(target + ": " + run.err()).isEqualTo(1);
      JsonNode rep = new ObjectMapper().readTree(run.out());
      assertThat(rep.path("os").path("id").asText()).isEqualTo("debian");
      TreeSet<String> got = new TreeSet<>();
      rep.path("findings")
          .forEach(f -> got.add(f.path("id").asText() + " " + f.path("package").asText()));
      assertThat(got).contains("CVE-2024-0001 libssl3", "CVE-2023-45853 zlib1g");
      if (expected == null) {
        expected = got;
      }
      assertThat(got).isEqualTo(expected);
    }
    // The table's target says no package count of its own: the image records none, and "0
    // packages" read as a count beside the scan's.
    CliTestSupport.Run table = CliTestSupport.run(tmp, env, "scan", "oci-layout:" + layout);
    assertThat(table.out())
        .startsWith("Scan of root filesystem (image, ")
        .doesNotContain("0 packages,")
        .containsPattern("\n  Debian .*, [1-9][0-9]* packages");
  }

  /**
   * A file over 1 MiB is listed, not copied out (a 4 MB layer once wrote 4 GiB into the cache and
   * left it there): the scan still reads the package database, and afterwards the cache's scan
   * directory holds only the advisory database, the directory of a run that died before it could
   * clean up included.
   */
  @Test
  void aScanKeepsOnlyWhatItReadsAndLeavesNothingInTheCache() throws Exception {
    Map<String, String> env = cacheWithAdvisories();
    Path scanDir = tmp.resolve("cache/ingot/scan");
    Path dead = java.nio.file.Files.createDirectories(scanDir.resolve("run-999999999-1"));
    java.nio.file.Files.writeString(dead.resolve(".lock"), ""); // its run holds it no more
    java.nio.file.Files.writeString(dead.resolve("left"), "by a killed run");
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs")).zeros("opt/disk.img", 64L << 20);
    Path layout = ociLayout(r);
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, env, "scan", "oci-layout:" + layout, "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("CVE-2024-0001");
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(scanDir)) {
      assertThat(left).containsExactly(scanDir.resolve("db")); // the advisory database only
    }
  }

  /** The OCI layout the container post-processor writes for {@code r}. */
  private Path ociLayout(TestRoots r) throws Exception {
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(), "system", "amd64", "debian-12");
    return ((ContainerImage)
            new ContainerPostProcessor()
                .process(
                    Config.of(Map.of("formats", List.of("oci"))),
                    fs,
                    OciTestSupport.ctx(tmp.resolve("build"), "sample")))
        .layout();
  }

  /** An environment whose cache holds the fixture advisories. */
  private Map<String, String> cacheWithAdvisories() throws Exception {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    assertThat(
            CliTestSupport.run(
                    tmp, env, "db", "import", Fixtures.osv(tmp.resolve("osv")).toString())
                .exitCode())
        .isZero();
    return env;
  }

  /**
   * A layout whose blobs are all named by sha512, as skopeo can write one: it is read, its layers
   * are checked against their sha512 digests and diff ids, and it scans like the sha256 one.
   */
  @Test
  void scansALayoutNamedBySha512() throws Exception {
    Map<String, String> env = cacheWithAdvisories();
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs"));
    Path layout = ociLayout(r);
    Path to = tmp.resolve("sha512-layout");
    Sha512Layout.rewrite(layout, to);
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, env, "scan", "oci-layout:" + to, "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("CVE-2024-0001").contains("CVE-2023-45853");
  }
}
