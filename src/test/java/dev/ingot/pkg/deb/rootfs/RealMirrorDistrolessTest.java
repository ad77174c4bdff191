package dev.ingot.pkg.deb.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.tar.TarWriter;
import dev.ingot.plugin.Config;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A distroless base from the host's configured Debian mirror (read from /etc/apt). */
@Tag("peer")
@Tag("slow")
class RealMirrorDistrolessTest {
  @TempDir Path tmp;

  static final List<String> SIX =
      List.of("base-files", "netbase", "tzdata", "ca-certificates", "libc6", "libssl3");

  @Test
  void distrolessBaseFromTheHostMirrorIsCompleteAndReproducible() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "suites",
                List.of("bookworm", "bookworm-updates", "bookworm-security"),
                "packages",
                SIX,
                "users",
                List.of(Map.of("name", "app", "uid", new java.math.BigDecimal(1000)))));
    Contexts.Recording log = new Contexts.Recording();
    RootFs a =
        (RootFs)
            new DebianSource().build(c, Contexts.of(tmp, Contexts.sharedMirrorCache(), false, log));

    assertThat(a.osRelease()).isEqualTo("debian-12");
    assertThat(a.packages())
        .extracting(InstalledPackage::name)
        .contains("libc6", "libssl3", "tzdata", "base-files");
    for (InstalledPackage p : a.packages()) {
      assertThat(a.tree().get("var/lib/dpkg/status.d/" + p.name())).as(p.name()).isPresent();
      assertThat(p.sha256()).hasSize(64);
    }
    assertThat(text(a, "etc/passwd"))
        .contains(
            "root:x:0:0:", "nobody:x:65534:65534:", "nonroot:x:65532:65532:", "app:x:1000:1000:");
    assertThat(a.tree().get("home/nonroot").orElseThrow().uid()).isEqualTo(65532);
    assertThat(a.tree().get("tmp").orElseThrow().mode()).isEqualTo(01777);
    assertThat(text(a, "etc/ssl/certs/ca-certificates.crt"))
        .contains("-----BEGIN CERTIFICATE-----");
    assertThat(a.tree().get("bin").orElseThrow().linkTarget()).isEqualTo("usr/bin");
    assertThat(a.tree().get("usr/lib/x86_64-linux-gnu/libc.so.6")).isPresent();
    assertThat(a.tree().get("lib64/ld-linux-x86-64.so.2"))
        .isEmpty(); // merged: it lives in usr/lib64
    assertThat(a.tree().get("usr/lib64/ld-linux-x86-64.so.2")).isPresent();
    assertThat(a.tree().entries()).allMatch(e -> e.mtime() <= 1_700_000_000L);
    assertThat(text(a, "var/lib/dpkg/status.d/libc6")).contains("Package: libc6\n");

    // Warm and offline: same tree, byte-identical tar.
    RootFs b =
        (RootFs)
            new DebianSource().build(c, Contexts.of(tmp, Contexts.sharedMirrorCache(), true, log));
    assertThat(tar(b)).isEqualTo(tar(a));
  }

  static byte[] tar(RootFs fs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TarWriter(fs.blobs(), new TarWriter.Options(1_700_000_000L, true)).write(fs.tree(), out);
    return out.toByteArray();
  }

  static String text(RootFs fs, String path) throws Exception {
    FileEntry e = fs.tree().get(path).orElseThrow(() -> new AssertionError("missing " + path));
    try (InputStream in = fs.blobs().open(e.content())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
