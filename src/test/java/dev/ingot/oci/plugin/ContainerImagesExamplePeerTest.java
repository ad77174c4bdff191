package dev.ingot.oci.plugin;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.cli.CliTestSupport;
import dev.ingot.oci.registry.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/container-images.pkr.hcl for real, as its header says to run it: the distroless base
 * from the host's Debian mirror, then the application image on it; both pushed to a loopback
 * docker-registry, read back by skopeo and unpacked by umoci. A second base build in another
 * directory gives the same manifest digest.
 */
@Tag("peer")
@Tag("slow")
class ContainerImagesExamplePeerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("examples/container-images.pkr.hcl");

  @TempDir Path tmp;

  @Test
  void appImageIsBuiltOnTheBaseAndBuildsAreReproducible() throws Exception {
    Path a = workDir("a");
    build(a, "base.*");
    build(a, "app.*");
    String base = manifestDigest(a.resolve("output/base/oci"));
    String app = manifestDigest(a.resolve("output/app/oci"));

    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN)) {
      push(a, "output/base/oci", reg.host() + "/base/debian:12", base);
      push(a, "output/app/oci", reg.host() + "/example/app:1.0", app);

      JsonNode b = skopeoInspect("docker://" + reg.host() + "/base/debian:12");
      JsonNode p = skopeoInspect("docker://" + reg.host() + "/example/app:1.0");
      assertThat(b.path("Digest").asText()).isEqualTo(base);
      assertThat(p.path("Digest").asText()).isEqualTo(app);
      List<String> baseLayers = texts(b.path("Layers"));
      List<String> appLayers = texts(p.path("Layers"));
      assertThat(baseLayers).hasSize(3); // the example's two package groups and the rest
      assertThat(appLayers).hasSize(baseLayers.size() + 1);
      assertThat(appLayers.subList(0, baseLayers.size())).isEqualTo(baseLayers);
      assertThat(texts(p.path("Env"))).contains("APP_HOME=/srv/app");

      // umoci unpacks what the registry serves (copied back into a layout by skopeo).
      run(
          "skopeo",
          "copy",
          "--quiet",
          "--src-tls-verify=false",
          "docker://" + reg.host() + "/example/app:1.0",
          "oci:" + tmp.resolve("pulled") + ":app");
      Path bundle = tmp.resolve("bundle");
      run("umoci", "unpack", "--image", tmp.resolve("pulled") + ":app", bundle.toString());
      Path root = bundle.resolve("rootfs");
      assertThat(Files.readString(root.resolve("srv/app/config.json"))).contains("hello");
      assertThat(root.resolve("usr/lib/x86_64-linux-gnu/libc.so.6")).exists();
      assertThat(Files.readString(root.resolve("etc/ssl/certs/ca-certificates.crt")))
          .contains("BEGIN CERTIFICATE");
      assertThat(root.resolve("bin/sh")).doesNotExist(); // distroless
      JsonNode runtime = JSON.readTree(bundle.resolve("config.json").toFile());
      assertThat(runtime.path("process").path("cwd").asText()).isEqualTo("/srv/app");
      assertThat(runtime.path("process").path("user").path("uid").asInt()).isEqualTo(65532);
    }

    // The base's docker-archive, read by skopeo under the name it is tagged with and copied into
    // an OCI layout: the same config as the OCI layout's.
    String docker = "docker-archive:" + a.resolve("output/base/docker-archive.tar");
    assertThat(skopeoInspect(docker + ":base.debian.distroless:12").path("Layers")).hasSize(3);
    run("skopeo", "copy", "--quiet", docker, "oci:" + tmp.resolve("from-docker") + ":base");
    String config = configDigest("oci:" + a.resolve("output/base/oci") + ":12");
    assertThat(configDigest("oci:" + tmp.resolve("from-docker") + ":base")).isEqualTo(config);

    // `podman load`, as a user loads it (own storage under tmp, no daemon): the image id is the
    // config digest, under the archive's tag, with its layers and user.
    List<String> podman =
        List.of(
            "podman",
            "--root=" + tmp.resolve("podman/root"),
            "--runroot=" + tmp.resolve("podman/run"),
            "--storage-driver=vfs",
            "--cgroup-manager=cgroupfs",
            "--events-backend=none");
    List<String> load = new ArrayList<>(podman);
    load.addAll(List.of("load", "-i", a.resolve("output/base/docker-archive.tar").toString()));
    assertThat(run(load.toArray(String[]::new))).contains("base.debian.distroless:12");
    List<String> inspect = new ArrayList<>(podman);
    inspect.addAll(
        List.of(
            "image",
            "inspect",
            "--format",
            "{{.Id}} {{len .RootFS.Layers}} {{.Config.User}}",
            "base.debian.distroless:12"));
    assertThat(run(inspect.toArray(String[]::new)).strip())
        .isEqualTo(config.substring("sha256:".length()) + " 3 65532:65532");

    Path again = workDir("b");
    build(again, "base.*");
    assertThat(manifestDigest(again.resolve("output/base/oci"))).isEqualTo(base);
  }

  /**
   * A working directory holding the example as the repository does, in examples/: the builds run
   * from it as the README runs them (the app build looked for the base beside the template).
   */
  private Path workDir(String name) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    Files.createDirectories(d.resolve(EXAMPLE).getParent());
    Files.copy(EXAMPLE, d.resolve(EXAMPLE));
    return d;
  }

  /** Runs {@code ingot build -only=…} on the example, sharing the mirror cache with other tests. */
  private static void build(Path dir, String only) {
    var r =
        CliTestSupport.run(
            dir,
            Map.of("HOME", dir.toString()),
            "build",
            "-color=false",
            "-only=" + only,
            "-cache-dir=" + Path.of("target/deb-mirror-cache").toAbsolutePath(),
            EXAMPLE.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static void push(Path dir, String layout, String ref, String digest) {
    var r =
        CliTestSupport.run(dir, Map.of("HOME", dir.toString()), "push", "--insecure", layout, ref);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("@" + digest);
  }

  private static String manifestDigest(Path layout) throws Exception {
    JsonNode idx = JSON.readTree(layout.resolve("index.json").toFile());
    assertThat(idx.path("manifests")).hasSize(1);
    return idx.path("manifests").get(0).path("digest").asText();
  }

  private static JsonNode skopeoInspect(String ref) throws Exception {
    return JSON.readTree(run("skopeo", "inspect", "--tls-verify=false", ref));
  }

  private static String configDigest(String ref) throws Exception {
    return JSON.readTree(run("skopeo", "inspect", "--raw", ref))
        .path("config")
        .path("digest")
        .asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
