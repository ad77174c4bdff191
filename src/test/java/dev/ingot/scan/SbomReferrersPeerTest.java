package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.PushedImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.Digest;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.plugin.ContainerPostProcessor;
import dev.ingot.oci.plugin.OciPushPostProcessor;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.oci.registry.TestRegistry;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** container → oci-push → sbom against a real docker-registry: the SBOMs become referrers. */
@Tag("peer")
class SbomReferrersPeerTest {
  @TempDir Path tmp;

  @Test
  void sbomsAreAttachedToThePushedImage() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN)) {
      var ctx = OciTestSupport.ctx(tmp, "app");
      TestRoots r = Fixtures.debianRoot(tmp.resolve("blobs"));
      RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(), "system", "amd64", "debian-12");
      ContainerImage img =
          (ContainerImage)
              new ContainerPostProcessor()
                  .process(Config.of(Map.of("formats", List.of("oci"))), fs, ctx);
      PushedImage pushed =
          (PushedImage)
              new OciPushPostProcessor()
                  .process(
                      Config.of(
                          Map.of(
                              "repository",
                              reg.host() + "/team/app",
                              "tags",
                              List.of("v1"),
                              "insecure",
                              true)),
                      img,
                      ctx);
      new SbomPostProcessor().process(Config.of(Map.of("insecure", true)), pushed, ctx);

      RegistryClient c =
          new RegistryClient(
              reg.host(),
              RegistrySettings.DEFAULTS.withInsecure(true),
              CredentialStore.fromEnv(Map.of(), new LocalProcessRunner()),
              new Cancellation());
      Digest subject = Digest.parse(pushed.digest());
      List<Descriptor> spdx = c.referrers("team/app", subject, SbomReferrers.SPDX).manifests();
      List<Descriptor> cdx = c.referrers("team/app", subject, SbomReferrers.CYCLONEDX).manifests();
      assertThat(spdx).hasSize(1);
      assertThat(cdx).hasSize(1);
      // The referrer's layer is the SBOM file written beside the image, byte for byte.
      RegistryClient.Fetched m = c.getManifest("team/app", cdx.get(0).digest().toString());
      String manifest = new String(m.bytes(), StandardCharsets.UTF_8);
      byte[] file = Files.readAllBytes(ctx.outputDir().resolve(SbomPostProcessor.CYCLONEDX_FILE));
      assertThat(manifest)
          .contains("\"subject\"")
          .contains(pushed.digest())
          .contains(Digest.sha256(file).toString());
    }
  }
}
