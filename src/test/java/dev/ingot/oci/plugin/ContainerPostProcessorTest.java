package dev.ingot.oci.plugin;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeImporter;
import dev.ingot.fs.tar.TarRoundTripTest;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.model.Json;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPostProcessorTest {
  @TempDir Path tmp;

  /** The sample tree without security.* xattrs (umoci would have to set them as root). */
  static RootFs rootfs(Path dir) throws Exception {
    DirBlobStore blobs = new DirBlobStore(dir.resolve("content"));
    FileTree t =
        TarRoundTripTest.sample(blobs)
            .map(
                e -> {
                  TreeMap<String, String> x = new TreeMap<>(e.xattrs());
                  x.keySet().removeIf(k -> k.startsWith("security."));
                  return e.withXattrs(x);
                });
    return new RootFs(t, blobs, List.of(), "distroless", "amd64", "debian-12");
  }

  static Map<String, Object> settings() {
    Map<String, Object> m = new HashMap<>();
    m.put("entrypoint", List.of("/bin/sh", "-c"));
    m.put("cmd", List.of("echo hi"));
    m.put("env", Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
    m.put("user", "1000:1000");
    m.put("workdir", "/srv");
    m.put("ports", List.of("8080", "53/udp"));
    m.put("labels", Map.of("org.example.team", "images"));
    m.put("annotations", Map.of("org.opencontainers.image.title", "sample"));
    m.put("formats", List.of("oci", "oci-archive", "docker-archive"));
    m.put("tag", "v1");
    return m;
  }

  private ContainerImage build(Path dir, Map<String, Object> s) throws Exception {
    return (ContainerImage)
        new ContainerPostProcessor()
            .process(Config.of(s), rootfs(dir), OciTestSupport.ctx(dir, "sample"));
  }

  @Test
  void twoBuildsWithEmptyCachesGiveTheSameDigest() throws Exception {
    ContainerImage a = build(tmp.resolve("a"), settings());
    ContainerImage b = build(tmp.resolve("b"), settings());
    assertThat(a.manifestDigest()).isEqualTo(b.manifestDigest()).startsWith("sha256:");
    assertThat(Files.readAllBytes(a.outputs().get(1)))
        .isEqualTo(Files.readAllBytes(b.outputs().get(1)));
    assertThat(Files.readAllBytes(a.outputs().get(2)))
        .isEqualTo(Files.readAllBytes(b.outputs().get(2)));
    // A rebuild with a warm cache gives the same digest again; without -force it does not
    // replace the image already there (it was replaced when output_directory put it elsewhere).
    assertThatThrownBy(() -> build(tmp.resolve("a"), settings()))
        .isInstanceOf(dev.ingot.diag.DiagnosticsException.class)
        .hasMessage("Output exists");
    assertThat(a.layout().resolve("index.json")).exists();
    StepContext force = OciTestSupport.ctx(tmp.resolve("a"), "sample", true);
    ContainerImage again =
        (ContainerImage)
            new ContainerPostProcessor()
                .process(Config.of(settings()), rootfs(tmp.resolve("a")), force);
    assertThat(again.manifestDigest()).isEqualTo(a.manifestDigest());
    Map<String, Object> zstd = settings();
    zstd.put("compression", "zstd");
    assertThat(build(tmp.resolve("c"), zstd).manifestDigest()).isNotEqualTo(a.manifestDigest());
    try (var s = Files.list(a.layout().getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("oci", "oci-archive.tar", "docker-archive.tar");
    }
    // Readable by whoever publishes them: a new file's mode, not the private temporaries'.
    try (var s = Files.walk(a.layout().getParent())) {
      for (Path p : s.toList()) {
        assertThat(Files.getPosixFilePermissions(p))
            .as(p.toString())
            .isEqualTo(
                Files.isDirectory(p)
                    ? dev.ingot.plugin.OutputModesTest.newDirectory()
                    : dev.ingot.plugin.OutputModesTest.newFile());
      }
    }
  }

  @Test
  void badArgumentsAreDiagnostics() {
    Map<String, Object> s = settings();
    s.put("formats", List.of("qcow2"));
    assertThatThrownBy(() -> build(tmp, s))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Unknown image format");
    Map<String, Object> w = settings();
    w.put("workdir", "srv");
    assertThatThrownBy(() -> build(tmp, w)).hasMessageContaining("absolute");
    Map<String, Object> l = settings();
    l.put("layering", "per-file");
    assertThatThrownBy(() -> build(tmp, l)).hasMessageContaining("Invalid layering");
    assertThat(tmp.resolve("output")).doesNotExist();
  }

  @Test
  @Tag("peer")
  void skopeoReadsEveryFormatAndUmociUnpacksTheSameTree() throws Exception {
    ContainerImage img = build(tmp, settings());
    String digest = img.manifestDigest();
    for (String ref :
        List.of(
            "oci:" + img.layout() + ":v1",
            "oci-archive:" + img.outputs().get(1) + ":v1",
            "docker-archive:" + img.outputs().get(2))) {
      Map<String, Object> info = Json.object(run("skopeo", "inspect", ref));
      assertThat(info.get("Architecture")).as(ref).isEqualTo("amd64");
      assertThat(info.get("Os")).isEqualTo("linux");
      assertThat(info.get("Created")).isEqualTo("2023-11-14T22:13:20Z");
      if (!ref.startsWith("docker-archive")) {
        assertThat(info.get("Digest")).as(ref).isEqualTo(digest);
      }
      // skopeo copy reads every blob and checks its digest.
      Path copy = tmp.resolve("copy-" + ref.substring(0, ref.indexOf(':')));
      run("skopeo", "copy", "--quiet", ref, "dir:" + copy);
      Map<String, Object> cfg = Json.object(run("skopeo", "inspect", "--config", ref));
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) cfg.get("config");
      assertThat(c.get("Entrypoint")).isEqualTo(List.of("/bin/sh", "-c"));
      assertThat(c.get("User")).isEqualTo("1000:1000");
      assertThat(c.get("WorkingDir")).isEqualTo("/srv");
      assertThat(c.get("Env")).isEqualTo(List.of("LANG=C.UTF-8", "PATH=/usr/bin:/bin"));
      assertThat(String.valueOf(c.get("ExposedPorts"))).isEqualTo("{53/udp={}, 8080/tcp={}}");
    }
    // The docker-archive, copied into an OCI layout by skopeo, holds our very config (diff ids
    // included) and one layer per layer of the image.
    Path fromDocker = tmp.resolve("from-docker");
    run(
        "skopeo",
        "copy",
        "--quiet",
        "docker-archive:" + img.outputs().get(2),
        "oci:" + fromDocker + ":d");
    Map<String, Object> ours =
        Json.object(run("skopeo", "inspect", "--raw", "oci:" + img.layout() + ":v1"));
    Map<String, Object> theirs =
        Json.object(run("skopeo", "inspect", "--raw", "oci:" + fromDocker + ":d"));
    assertThat(((Map<?, ?>) theirs.get("config")).get("digest"))
        .isEqualTo(((Map<?, ?>) ours.get("config")).get("digest"));
    assertThat((List<?>) theirs.get("layers")).hasSameSizeAs((List<?>) ours.get("layers"));
    Path bundle = tmp.resolve("bundle");
    run("umoci", "unpack", "--image", img.layout() + ":v1", bundle.toString());
    FileTree unpacked =
        new TreeImporter(new DirBlobStore(tmp.resolve("b2"))).importDir(bundle.resolve("rootfs"));
    // Mtimes in the image are clamped to SOURCE_DATE_EPOCH.
    FileTree want =
        rootfs(tmp.resolve("w"))
            .tree()
            .map(e -> e.withMtime(Math.min(e.mtime(), OciTestSupport.SDE)));
    for (FileEntry w : want.entries()) {
      if (w.path().isEmpty()) {
        continue;
      }
      FileEntry g = unpacked.get(w.path()).orElseThrow(() -> new AssertionError(w.path()));
      assertThat(List.of(g.mode(), g.uid(), g.gid(), g.mtime(), g.size()))
          .as(w.path())
          .isEqualTo(
              List.of(
                  w.mode(),
                  w.uid(),
                  w.gid(),
                  w.mtime(),
                  w.isRegular() && g.isRegular() ? w.size() : g.size()));
      if (w.type() == dev.ingot.fs.FileType.SYMLINK) {
        assertThat(g.linkTarget()).isEqualTo(w.linkTarget());
      }
    }
    assertThat(unpacked.size()).isEqualTo(want.size());
    assertThat(
            Files.isSameFile(
                bundle.resolve("rootfs/bin/ping"), bundle.resolve("rootfs/bin/aaa-link")))
        .isTrue();
  }
}
