package dev.ingot.oci.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.PushedImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.cli.CliTestSupport;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.image.ImageOpener;
import dev.ingot.oci.image.ImageReader;
import dev.ingot.oci.model.Platform;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.oci.registry.TestRegistry;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** container → oci-push → registry, then read back by every route scan will use. */
@Tag("peer")
class PushAndReadPeerTest {
  @TempDir Path tmp;

  @Test
  void pushesAndReadsBackTheSameTreeFromEveryFormat() throws Exception {
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN)) {
      var ctx = OciTestSupport.ctx(tmp, "app");
      RootFs root = ContainerPostProcessorTest.rootfs(tmp);
      ContainerImage img =
          (ContainerImage)
              new ContainerPostProcessor()
                  .process(Config.of(ContainerPostProcessorTest.settings()), root, ctx);
      PushedImage pushed =
          (PushedImage)
              new OciPushPostProcessor()
                  .process(
                      Config.of(
                          Map.of(
                              "repository",
                              reg.host() + "/team/app",
                              "tags",
                              List.of("v1", "stable"),
                              "insecure",
                              true)),
                      img,
                      ctx);
      assertThat(pushed.id()).isEqualTo(reg.host() + "/team/app@" + img.manifestDigest());

      var inspect =
          CliTestSupport.run(
              tmp,
              Map.of("HOME", tmp.toString()),
              "inspect-image",
              "--insecure",
              reg.host() + "/team/app:stable");
      assertThat(inspect.exitCode()).as(inspect.err()).isZero();
      assertThat(inspect.out())
          .contains(
              img.manifestDigest(), "linux/amd64", "User=1000:1000", "Layers:", "Port 8080/tcp");
      var pushCli =
          CliTestSupport.run(
              tmp,
              Map.of("HOME", tmp.toString()),
              "push",
              "--insecure",
              img.layout().toString(),
              reg.host() + "/team/copy:v2");
      assertThat(pushCli.exitCode()).as(pushCli.err()).isZero();
      assertThat(pushCli.out()).contains("@" + img.manifestDigest());

      FileTree want =
          root.tree().map(e -> e.withMtime(Math.min(e.mtime(), OciTestSupport.SDE))).toBuilder()
              .remove("")
              .build();
      ImageOpener.Options o =
          new ImageOpener.Options(
              Platform.parse("linux/amd64"),
              RegistrySettings.DEFAULTS.withInsecure(true),
              null,
              new Cancellation(),
              BuildLog.NONE,
              tmp,
              true);
      for (String spec :
          List.of(
              reg.host() + "/team/copy:v2",
              "oci-layout:" + img.layout() + ":v1",
              "oci-archive:" + img.outputs().get(1),
              "docker-archive:" + img.outputs().get(2) + ":app:v1")) {
        RootFs back =
            ImageReader.read(
                spec,
                new DirBlobStore(tmp.resolve("images")),
                new DirBlobStore(tmp.resolve("contents")),
                o);
        assertThat(normalizeLinks(back.tree()).entries())
            .as(spec)
            .containsExactlyElementsOf(normalizeLinks(want).entries());
        assertThat(back.architecture()).isEqualTo("amd64");
      }
    }
  }

  /**
   * Which path of a hard link group holds the content depends on the reader (umoci's test checks
   * the group itself), so the pair is left out of the comparison.
   */
  private static FileTree normalizeLinks(FileTree t) {
    return t.toBuilder().remove("bin/ping").remove("bin/aaa-link").build();
  }

  @Test
  void badRepositoryAndUnknownImagesAreClearErrors() throws Exception {
    var ctx = OciTestSupport.ctx(tmp, "app");
    assertThatThrownBy(
            () ->
                new OciPushPostProcessor()
                    .process(Config.of(Map.of("repository", "debian:12")), null, ctx))
        .hasMessageContaining("Invalid repository");
    var r =
        CliTestSupport.run(
            tmp,
            Map.of("HOME", tmp.toString()),
            "inspect-image",
            "oci-layout:" + tmp.resolve("nope"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not an OCI image layout");
    var p = CliTestSupport.run(tmp, Map.of(), "push", tmp.toString(), "noregistry");
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(p.err()).contains("names no registry");
  }
}
