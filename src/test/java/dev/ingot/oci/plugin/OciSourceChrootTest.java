package dev.ingot.oci.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.TarInput;
import dev.ingot.fs.tar.TarReadOptions;
import dev.ingot.oci.OciTestSupport;
import dev.ingot.oci.layout.OciLayoutReader;
import dev.ingot.oci.model.Image;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionSession;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real chroot (busybox) on an image from source oci: the provisioner's work is one layer. */
@Tag("peer")
class OciSourceChrootTest {
  @TempDir Path tmp;

  private RootFs busyboxRoot(Path dir) throws Exception {
    Path bb = Path.of("/bin/busybox");
    assertThat(bb).as("busybox-static must be installed (test.sh does it)").isRegularFile();
    DirBlobStore blobs = new DirBlobStore(dir.resolve("content"));
    var d = blobs.put(Files.newInputStream(bb));
    var motd = blobs.put(new ByteArrayInputStream("hello\n".getBytes()));
    long t = 1_600_000_000L;
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, t));
    for (String dirName : List.of("bin", "dev", "etc", "proc", "srv", "sys", "usr", "usr/bin")) {
      b.put(FileEntry.directory(dirName, 0755, 0, 0, t));
    }
    b.put(FileEntry.directory("tmp", 01777, 0, 0, t));
    b.put(FileEntry.file("bin/busybox", 0755, 0, 0, t, Files.size(bb), d));
    for (String tool : List.of("bin/sh", "bin/rm", "bin/mkdir", "bin/echo", "usr/bin/env")) {
      b.put(FileEntry.symlink(tool, "/bin/busybox", 0, 0, t));
    }
    b.put(FileEntry.file("etc/motd", 0644, 0, 0, t, 6, motd));
    return new RootFs(b.build(), blobs, List.of(), "test", "amd64", null);
  }

  @Test
  void provisioningInTheChrootBecomesOneLayerWithAWhiteout() throws Exception {
    ContainerImage base =
        (ContainerImage)
            new ContainerPostProcessor()
                .process(
                    Config.of(Map.of("cmd", List.of("/bin/sh"))),
                    busyboxRoot(tmp.resolve("b")),
                    OciTestSupport.ctx(tmp.resolve("b"), "base"));
    var ctx = OciTestSupport.ctx(tmp.resolve("app"), "app");
    Config src = Config.of(Map.of("base", "oci-layout:" + base.layout()));
    OciSource source = new OciSource();
    RootFs fs = (RootFs) source.build(src, ctx);
    RootFs provisioned;
    try (ProvisionSession s = source.provisioning(src, fs, ctx).orElseThrow()) {
      List<String> out = new ArrayList<>();
      int code =
          s.communicator()
              .exec(
                  "rm /etc/motd && mkdir /srv/data && echo app > /srv/data/app.txt && echo done",
                  Map.of(),
                  out::add);
      assertThat(code).as(String.join("\n", out)).isZero();
      assertThat(out).contains("done");
      provisioned = (RootFs) s.finish();
    } finally {
      ctx.cleanups().runAll();
    }
    assertThat(provisioned.base()).isEqualTo(fs.base());
    ContainerImage app =
        (ContainerImage)
            new ContainerPostProcessor().process(Config.of(Map.of()), provisioned, ctx);
    Image a = OciLayoutReader.open(app.layout(), null, null);
    Image b = OciLayoutReader.open(base.layout(), null, null);
    assertThat(a.manifest().layers()).hasSize(2);
    assertThat(a.manifest().layers().get(0)).isEqualTo(b.manifest().layers().get(0));
    assertThat(a.config().config().cmd()).containsExactly("/bin/sh");
    List<String> top = new ArrayList<>();
    try (InputStream in =
        Compression.autoDecompress(a.blobs().open(a.manifest().layers().get(1).digest()))) {
      TarInput t = new TarInput(in, TarReadOptions.DEFAULTS);
      for (FileEntry e; (e = t.next()) != null; ) {
        top.add(e.path());
      }
    }
    assertThat(top)
        .contains("etc/.wh.motd", "srv/data", "srv/data/app.txt")
        .doesNotContain("bin/busybox");
  }
}
