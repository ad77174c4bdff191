package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.StepContext;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.DbImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostProcessorsTest {
  @TempDir Path tmp;
  StepContext ctx;
  ContainerImage image;

  @BeforeEach
  void setUp() throws Exception {
    Path cache = tmp.resolve("cache");
    Path db = AdvisoryDb.defaultDir(cache);
    new DbImport(db).run(Fixtures.osv(tmp.resolve("osv")).toString(), "auto", null, Instant.EPOCH);
    new DbImport(db)
        .run(Fixtures.tracker(tmp.resolve("j")).toString(), "auto", null, Instant.EPOCH);
    TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs"));
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(), "system", "amd64", "debian-12");
    Path out = tmp.resolve("output/hello");
    image =
        new ContainerImage(
            out.resolve("oci"),
            "sha256:" + "ef".repeat(32),
            "linux/amd64",
            List.of(out.resolve("oci")),
            fs);
    ctx =
        new StepContext(
            "hello",
            "debian",
            "base",
            tmp,
            tmp,
            out,
            cache,
            false,
            true,
            1_700_000_000L,
            Map.of(),
            BuildLog.NONE,
            new Cancellation(),
            new Cleanups(),
            new LocalProcessRunner());
  }

  @Test
  void bothAreFoundByServiceLoaderAndPublishNothing() {
    Map<String, PostProcessorPlugin> found =
        ServiceLoader.load(PostProcessorPlugin.class).stream()
            .map(ServiceLoader.Provider::get)
            .collect(Collectors.toMap(PostProcessorPlugin::type, p -> p, (a, b) -> a));
    assertThat(found).containsKeys("scan", "sbom");
    assertThat(found.get("scan").publishes()).isFalse();
    assertThat(found.get("sbom").publishes()).isFalse();
    assertThat(found.get("scan").produces(ContainerImage.class, Config.of(Map.of())))
        .isEqualTo(ContainerImage.class);
  }

  @Test
  void scanFailsTheBuildOnCriticalFindingsAndWritesTheReportsFirst() {
    assertThatThrownBy(() -> new ScanPostProcessor().process(Config.of(Map.of()), image, ctx))
        .isInstanceOf(ScanPolicyException.class)
        .hasMessageContaining(
            "critical CVE-2024-0001 in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.13-1~deb12u1)")
        .hasMessageContaining("CVE-2023-45853")
        .hasMessageContaining("Reports (kept when the failed build's outputs are removed): ")
        .satisfies(
            e ->
                assertThat(((ScanPolicyException) e).keptFiles())
                    .extracting(p -> p.getFileName().toString())
                    .containsExactly(
                        "scan-report.txt",
                        "scan-report.json",
                        "scan-report.sarif",
                        "scan-report.html"));
    for (String f :
        List.of("scan-report.txt", "scan-report.json", "scan-report.sarif", "scan-report.html")) {
      assertThat(ctx.outputDir().resolve(f)).exists();
    }
  }

  @Test
  void scanPassesWithIgnoresAndHandsTheImageOnWithItsReports() throws Exception {
    String future = LocalDate.now().plusDays(30).toString();
    Config c =
        Config.of(
            Map.of(
                "checks",
                List.of("baseline"),
                "formats",
                List.of("json", "html"),
                "ignore",
                List.of(
                    Map.of("id", "CVE-2024-0001", "until", future, "reason", "backported fix"),
                    Map.of(
                        "id", "CVE-2023-45853", "package", "zlib", "reason", "minizip unused"))));
    Artifact out = new ScanPostProcessor().process(c, image, ctx);
    assertThat(out).isInstanceOf(ContainerImage.class);
    assertThat(out.files())
        .contains(
            ctx.outputDir().resolve("scan-report.json"),
            ctx.outputDir().resolve("scan-report.html"))
        .contains(image.layout());
    assertThat(Files.readString(ctx.outputDir().resolve("scan-report.json")))
        .contains("backported fix")
        .contains("\"passed\" : true");
    try (var s = Files.list(ctx.outputDir())) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void badArgumentsAreDiagnostics() {
    assertThatThrownBy(
            () ->
                new ScanPostProcessor().process(Config.of(Map.of("fail_on", "severe")), image, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Invalid fail_on");
    Config badDate =
        Config.of(Map.of("ignore", List.of(Map.of("id", "CVE-1", "until", "next week"))));
    assertThatThrownBy(() -> new ScanPostProcessor().process(badDate, image, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Invalid until date");
    assertThatThrownBy(
            () ->
                new ScanPostProcessor()
                    .process(Config.of(Map.of("checks", List.of("cis9"))), image, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Unknown hardening profile");
    assertThatThrownBy(
            () -> new ScanPostProcessor().process(Config.of(Map.of()), new NoArtifact(), ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Nothing to scan");
    assertThatThrownBy(
            () ->
                new SbomPostProcessor()
                    .process(Config.of(Map.of("formats", List.of("swid"))), image, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Unknown SBOM format");
  }

  @Test
  void sbomWritesBothDocumentsReproducibly() throws Exception {
    Artifact out = new SbomPostProcessor().process(Config.of(Map.of()), image, ctx);
    Path cdx = ctx.outputDir().resolve(SbomPostProcessor.CYCLONEDX_FILE);
    Path spdx = ctx.outputDir().resolve(SbomPostProcessor.SPDX_FILE);
    assertThat(out.files()).contains(cdx, spdx);
    String first = Files.readString(cdx);
    assertThat(first)
        .contains("\"timestamp\" : \"2023-11-14T22:13:20Z\"")
        .contains("sha256:" + "ef".repeat(32));
    new SbomPostProcessor().process(Config.of(Map.of()), image, ctx);
    assertThat(Files.readString(cdx)).isEqualTo(first);
    assertThat(Files.readString(spdx)).contains("\"created\" : \"2023-11-14T22:13:20Z\"");
  }
}
