package dev.ingot.oci.plugin;

import static dev.ingot.oci.OciTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeImporter;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.TarInput;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.image.ImageAssembler;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.model.Image;
import dev.ingot.plugin.Config;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source oci: base image → RootFs with its base → changes → container adds one diff layer. */
class OciSourceTest {
  @TempDir Path tmp;

  private ContainerImage baseImage() throws Exception {
    Map<String, Object> s = new HashMap<>(ContainerPostProcessorTest.settings());
    s.put("env", Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
    return (ContainerImage)
        new ContainerPostProcessor()
            .process(
                Config.of(s),
                ContainerPostProcessorTest.rootfs(tmp.resolve("b")),
                OciTestSupport.ctx(tmp.resolve("b"), "base"));
  }

  @Test
  @Tag("peer")
  void addsOneLayerWithWhiteoutsOverTheBase() throws Exception {
    ContainerImage base = baseImage();
    var ctx = OciTestSupport.ctx(tmp.resolve("app"), "app");
    Map<String, Object> src = new HashMap<>();
    src.put("base", "oci-layout:" + base.layout() + ":v1");
    src.put(
        "changes",
        List.of("ENV FOO=bar", "CMD [\"/srv/app\"]", "EXPOSE 9000", "LABEL stage=\"app image\""));
    RootFs fs = (RootFs) new OciSource().build(Config.of(src), ctx);
    assertThat(fs.base()).isNotNull();
    assertThat(fs.base().manifestDigest()).isEqualTo(base.manifestDigest());
    // What a provisioner would do: delete a file, add one, change a directory.
    DirBlobStore contents = (DirBlobStore) fs.blobs();
    var d = contents.put(new ByteArrayInputStream("app\n".getBytes(StandardCharsets.UTF_8)));
    FileTree changed =
        fs.tree().toBuilder()
            .remove("srv/grüße")
            .put(FileEntry.file("srv/app", 0755, 0, 0, 1_600_000_000L, 4, d))
            .put(FileEntry.directory("srv", 02775, 3_000_000, 4_000_000, 1_600_000_001L))
            .build();
    RootFs provisioned = fs.withTree(changed);
    Map<String, Object> c = new HashMap<>();
    c.put("user", "1001:1001");
    ContainerImage app =
        (ContainerImage) new ContainerPostProcessor().process(Config.of(c), provisioned, ctx);

    Image b = OciLayoutReader.open(base.layout(), null, null);
    Image a = OciLayoutReader.open(app.layout(), null, null);
    assertThat(a.manifest().layers()).hasSize(b.manifest().layers().size() + 1);
    assertThat(a.manifest().layers().subList(0, b.manifest().layers().size()))
        .isEqualTo(b.manifest().layers());
    assertThat(a.manifest().annotations())
        .containsEntry(ImageAssembler.BASE_DIGEST, base.manifestDigest())
        .containsEntry(ImageAssembler.BASE_NAME, "oci-layout:" + base.layout() + ":v1");
    var cc = a.config().config();
    assertThat(cc.env()).containsExactly("LANG=C.UTF-8", "PATH=/usr/bin:/bin", "FOO=bar");
    assertThat(cc.cmd()).containsExactly("/srv/app");
    assertThat(cc.entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(cc.user()).isEqualTo("1001:1001");
    assertThat(cc.exposedPorts()).contains("9000/tcp", "8080/tcp");
    assertThat(cc.labels()).containsEntry("stage", "app image");
    assertThat(a.config().history()).hasSize(b.config().history().size() + 1);

    List<String> top = new ArrayList<>();
    var last = a.manifest().layers().get(a.manifest().layers().size() - 1);
    try (InputStream in = Compression.autoDecompress(a.blobs().open(last.digest()))) {
      TarInput t = new TarInput(in, TarReadOptions.DEFAULTS);
      for (FileEntry e; (e = t.next()) != null; ) {
        top.add(e.path());
      }
    }
    assertThat(top).containsExactly("srv", "srv/.wh.grüße", "srv/app");

    Path bundle = tmp.resolve("bundle");
    run("umoci", "unpack", "--image", app.layout() + ":latest", bundle.toString());
    FileTree unpacked =
        new TreeImporter(new DirBlobStore(tmp.resolve("u"))).importDir(bundle.resolve("rootfs"));
    assertThat(unpacked.contains("srv/grüße")).isFalse();
    assertThat(Files.readString(bundle.resolve("rootfs/srv/app"))).isEqualTo("app\n");
    FileEntry srv = unpacked.get("srv").orElseThrow();
    assertThat(List.of(srv.mode(), srv.uid(), srv.mtime()))
        .isEqualTo(List.of(02775, 3_000_000, 1_600_000_001L));
    assertThat(unpacked.entries().stream().map(FileEntry::path).filter(p -> !p.isEmpty()))
        .containsExactlyInAnyOrderElementsOf(
            changed.entries().stream().map(FileEntry::path).filter(p -> !p.isEmpty()).toList());
  }

  @Test
  void badChangesAndBasesAreDiagnostics() {
    var ctx = OciTestSupport.ctx(tmp, "app");
    assertThatThrownBy(
            () ->
                new OciSource()
                    .build(
                        Config.of(
                            Map.of("base", "oci-layout:x", "changes", List.of("RUN rm -rf /"))),
                        ctx))
        .hasMessageContaining("Invalid change");
    assertThatThrownBy(
            () ->
                new OciSource()
                    .build(
                        Config.of(Map.of("base", "oci-layout:x", "changes", List.of("CMD [1, 2]"))),
                        ctx))
        .hasMessageContaining("Invalid change");
    assertThatThrownBy(
            () -> new OciSource().build(Config.of(Map.of("base", "docker-archive:x.tar")), ctx))
        .hasMessageContaining("Unsupported base");
    assertThatThrownBy(() -> new OciSource().build(Config.of(Map.of("base", "debian")), ctx))
        .hasMessageContaining("names no registry");
  }
}
