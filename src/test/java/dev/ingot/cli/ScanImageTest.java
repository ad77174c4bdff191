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
    java.nio.file.Files.writeString(dead.resolve("left"), "by a killed run");
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs")).zeros("opt/disk.img", 64L << 20);
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(), "system", "amd64", "debian-12");
    ContainerImage img =
        (ContainerImage)
            new ContainerPostProcessor()
                .process(
                    Config.of(Map.of("formats", List.of("oci"))),
                    fs,
                    OciTestSupport.ctx(tmp.resolve("build"), "sample"));
    CliTestSupport.Run run =
        CliTestSupport.run(tmp, env, "scan", "oci-layout:" + img.layout(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("CVE-2024-0001");
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(scanDir)) {
      assertThat(left).containsExactly(scanDir.resolve("db")); // the advisory database only
    }
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
}
