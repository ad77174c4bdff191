package dev.ingot.pkg.deb.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileType;
import dev.ingot.pkg.deb.FixtureRepo;
import dev.ingot.pkg.deb.FixtureRepo.Pkg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real packages from dpkg-deb in every compression, and malicious ones made on purpose. */
class DebReaderTest {
  @TempDir Path tmp;

  DirBlobStore blobs() {
    return new DirBlobStore(tmp.resolve("blobs"));
  }

  @Test
  @Tag("peer")
  void readsPackagesBuiltByDpkgDebInEveryCompression() throws Exception {
    FixtureRepo fx = new FixtureRepo(tmp.resolve("fx"));
    for (String z : new String[] {"gzip", "xz", "zstd", "none"}) {
      Pkg p =
          Pkg.of("demo-" + z, "1.0-1")
              .file("usr/share/demo/hello.txt", "hello\n")
              .file("usr/bin/demo", "->../share/demo/hello.txt")
              .with("DEBIAN/conffiles", "/etc/demo.conf\n")
              .file("etc/demo.conf", "x=1\n")
              .with("DEBIAN/postinst", "#!/bin/sh\nexit 0\n")
              .with(
                  "DEBIAN/md5sums", "b1946ac92492d2347c6235b4d2611184  usr/share/demo/hello.txt\n");
      UnpackedDeb d = new DebReader(blobs(), DebReader.LIMITS).read(fx.build(p, z));
      assertThat(d.name()).isEqualTo("demo-" + z);
      assertThat(d.data().get("usr/share/demo/hello.txt").orElseThrow().size()).isEqualTo(6);
      assertThat(d.data().get("usr/bin/demo").orElseThrow().type()).isEqualTo(FileType.SYMLINK);
      assertThat(d.conffiles()).containsExactly("/etc/demo.conf");
      assertThat(d.controlText("postinst"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("#!/bin/sh"));
      assertThat(d.controlText("md5sums"))
          .hasValueSatisfying(t -> assertThat(t).contains("usr/share/demo/hello.txt"));
    }
  }

  @Test
  void refusesDotDot() throws Exception {
    Path deb = deb(t -> file(t, "./usr/../../etc/evil", "x"));
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("evil.deb")
        .hasMessageContaining("..");
  }

  @Test
  void refusesAbsoluteNames() throws Exception {
    Path deb = deb(t -> file(t, "/etc/evil", "x"));
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("/etc/evil");
  }

  @Test
  void refusesWritingThroughASymlink() throws Exception {
    Path deb =
        deb(
            t -> {
              link(t, "./etc", "/etc", TarArchiveEntry.LF_SYMLINK);
              file(t, "./etc/evil", "x");
            });
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("etc/evil");
    assertThat(Path.of("/etc/evil")).doesNotExist();
  }

  @Test
  void refusesHardLinksOutOfTheArchive() throws Exception {
    Path deb = deb(t -> link(t, "./shadow", "../../etc/shadow", TarArchiveEntry.LF_LINK));
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("shadow");
    Path deb2 = deb(t -> link(t, "./shadow", "./etc/shadow", TarArchiveEntry.LF_LINK));
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb2))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("shadow");
  }

  @Test
  void refusesOversizedEntriesBeforeReadingThem() throws Exception {
    Path deb = deb(t -> file(t, "./big", "0123456789".repeat(100)));
    assertThatThrownBy(
            () -> new DebReader(blobs(), DebReader.LIMITS.withLimits(100, 1000)).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("big");
  }

  @Test
  void refusesArMembersLargerThanTheFile() throws Exception {
    Path deb = deb(t -> file(t, "./ok", "x"));
    byte[] b = Files.readAllBytes(deb);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("control.tar.gz") + 48;
    byte[] huge = String.format("%-10d", 999_999_999).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(huge, 0, b, at, 10);
    Files.write(deb, b);
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(deb))
        .isInstanceOf(DebFormatException.class)
        .hasMessageContaining("more than the file holds");
  }

  @Test
  void refusesSomethingThatIsNotADeb() throws Exception {
    Path f = tmp.resolve("x.deb");
    Files.writeString(f, "hello");
    assertThatThrownBy(() -> new DebReader(blobs(), DebReader.LIMITS).read(f))
        .hasMessageContaining("not a .deb");
  }

  // --- crafting packages dpkg-deb would never build ---

  interface Entries {
    void add(TarArchiveOutputStream t) throws IOException;
  }

  Path deb(Entries data) throws IOException {
    byte[] control =
        tgz(
            t ->
                file(
                    t,
                    "./control",
                    "Package: evil\nVersion: 1\nArchitecture: all\nDescription: x\n"));
    byte[] d = tgz(data);
    ByteArrayOutputStream ar = new ByteArrayOutputStream();
    ar.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
    member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
    member(ar, "control.tar.gz", control);
    member(ar, "data.tar.gz", d);
    Path out = tmp.resolve("evil.deb");
    Files.write(out, ar.toByteArray());
    return out;
  }

  static void member(ByteArrayOutputStream ar, String name, byte[] data) {
    String h =
        String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "100644", data.length);
    ar.writeBytes(h.getBytes(StandardCharsets.US_ASCII));
    ar.writeBytes(data);
    if (data.length % 2 == 1) {
      ar.write('\n');
    }
  }

  static byte[] tgz(Entries e) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      e.add(t);
    }
    return bo.toByteArray();
  }

  static void file(TarArchiveOutputStream t, String name, String content) throws IOException {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(b.length);
    e.setMode(0100644);
    t.putArchiveEntry(e);
    t.write(b);
    t.closeArchiveEntry();
  }

  static void link(TarArchiveOutputStream t, String name, String target, byte type)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setLinkName(target);
    t.putArchiveEntry(e);
    t.closeArchiveEntry();
  }
}
