package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an image names (flat extents, backing files) are followed only into the image's own
 * directory unless the job allows more, and only when they are regular files: a hostile image must
 * not get a host file copied into a conversion's output, nor hang it on a pipe.
 */
class LinkedFilesTest {
  @TempDir Path tmp;

  /** A monolithicFlat descriptor in {@code dir} whose one extent of one sector is {@code name}. */
  private static Path flatDescriptor(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    Path d = dir.resolve("disk.vmdk");
    Files.writeString(
        d,
        "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
            + "createType=\"monolithicFlat\"\nRW 1 FLAT \""
            + name
            + "\" 0\n");
    return d;
  }

  /** A file of one sector that stands for a secret on the host. */
  private Path secret(Path dir) throws Exception {
    Files.createDirectories(dir);
    byte[] b = new byte[512];
    byte[] s = "root:secret-hash:19000:0:99999:7:::".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, b, 0, s.length);
    return Files.write(dir.resolve("shadow"), b);
  }

  private static WriteJob job(LinkedFiles links) {
    return new WriteJob(2, 0, "out.raw", WriteJob.Progress.NONE, false, links);
  }

  private void convertRaw(Path in, Path out, LinkedFiles links) throws Exception {
    DiskImages.convert(in, null, out, new WriteOptions.Raw(), job(links));
  }

  @Test
  void extentOutsideTheDirectoryIsRefusedUnlessAllowed() throws Exception {
    Path secret = secret(tmp.resolve("etc"));
    Path out = tmp.resolve("out/out.raw");
    Files.createDirectories(out.getParent());
    for (String name : new String[] {secret.toString(), "../etc/shadow"}) {
      Path d = flatDescriptor(tmp.resolve("download"), name);
      assertThatThrownBy(() -> convertRaw(d, out, LinkedFiles.WITHIN_DIRECTORY))
          .isInstanceOf(LinkedFiles.OutsideFileException.class)
          .hasMessageContaining("its extent file")
          .hasMessageContaining(secret.toRealPath().toString())
          .hasMessageContaining("outside the image's directory " + d.getParent().toRealPath());
      assertThat(out).doesNotExist();
      try (var s = Files.list(out.getParent())) {
        assertThat(s).isEmpty(); // no temporary left either
      }
      // The default, as DiskImages.open gives it to every caller that does not choose.
      assertThatThrownBy(() -> DiskImages.open(d, null).close())
          .isInstanceOf(LinkedFiles.OutsideFileException.class);
      convertRaw(d, out, LinkedFiles.ANYWHERE);
      assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(secret));
      Files.delete(out);
    }
  }

  @Test
  void aSymbolicLinkCountsByWhereItLeads() throws Exception {
    Path secret = secret(tmp.resolve("etc"));
    Path dir = tmp.resolve("download");
    Files.createDirectories(dir);
    Files.createSymbolicLink(dir.resolve("disk-flat.vmdk"), secret);
    Path d = flatDescriptor(dir, "disk-flat.vmdk");
    assertThatThrownBy(() -> DiskImages.open(d, null).close())
        .isInstanceOf(LinkedFiles.OutsideFileException.class)
        .hasMessageContaining("'disk-flat.vmdk' leads to " + secret.toRealPath());

    // A link that stays inside, and a file in a subdirectory, are followed.
    Files.delete(dir.resolve("disk-flat.vmdk"));
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("data/disk-flat.vmdk"), new byte[512]);
    Files.createSymbolicLink(dir.resolve("disk-flat.vmdk"), Path.of("data/disk-flat.vmdk"));
    try (DiskReader r = DiskImages.open(d, null)) {
      assertThat(r.virtualSize()).isEqualTo(512);
    }
    Path d2 = flatDescriptor(dir, "data/disk-flat.vmdk");
    try (DiskReader r = DiskImages.open(d2, null)) {
      assertThat(r.virtualSize()).isEqualTo(512);
    }
  }

  /** Writes {@code raw} as the qcow2 {@code out}, an overlay of {@code backing} unless null. */
  private static void qcow2(Path raw, Path out, String backing, String format) throws Exception {
    WriteOptions o = DiskImages.options(DiskFormat.QCOW2, "", false);
    DiskImages.convert(
        raw,
        DiskFormat.RAW,
        out,
        backing == null ? o : DiskImages.withBacking(o, backing, format),
        new WriteJob(2, 0, out.getFileName().toString()));
  }

  @Test
  void backingFileOutsideTheDirectoryIsRefusedUnlessAllowed() throws Exception {
    Path base = tmp.resolve("images/base.qcow2");
    Files.createDirectories(base.getParent());
    Path baseRaw = TestDisks.sparseWith(tmp.resolve("images/base.raw"), 4 << 20, 1 << 20, "base");
    qcow2(baseRaw, base, null, null);
    Path top = tmp.resolve("vms/top.qcow2");
    Files.createDirectories(top.getParent());
    Path topRaw = TestDisks.sparseWith(tmp.resolve("vms/top.raw"), 4 << 20, 1 << 20, "top!");
    // The user names the base: it may lie anywhere.
    qcow2(topRaw, top, "../images/base.qcow2", "qcow2");
    // Read back, the same name comes from inside the image.
    assertThatThrownBy(() -> Qcow2Reader.open(top).close())
        .isInstanceOf(LinkedFiles.OutsideFileException.class)
        .hasMessageContaining("its backing file '../images/base.qcow2' leads to")
        .hasMessageContaining(base.toRealPath().toString());
    Path flat = tmp.resolve("vms/flat.raw");
    convertRaw(top, flat, LinkedFiles.ANYWHERE);
    TestDisks.assertSameBytes(flat, topRaw, 4 << 20);
  }

  /** A qcow2 overlay in {@code tmp} whose header names {@code name} (a raw backing file). */
  private Path overlayNaming(String name) throws Exception {
    // Written over a stand-in of the same length, whose name is then patched in the header.
    String standIn = "x".repeat(name.length());
    Files.write(tmp.resolve(standIn), new byte[1 << 20]);
    Path raw = TestDisks.sparseWith(tmp.resolve("o.raw"), 1 << 20, 0, "overlay");
    Path q = tmp.resolve("o.qcow2");
    qcow2(raw, q, standIn, "raw");
    Files.delete(tmp.resolve(standIn));
    try (RandomAccessFile f = new RandomAccessFile(q.toFile(), "rw")) {
      f.seek(8);
      long at = f.readLong();
      f.seek(at);
      f.write(name.getBytes(StandardCharsets.UTF_8));
    }
    return q;
  }

  @Test
  void aDeviceIsNoBackingFile() throws Exception {
    Path q = overlayNaming("/dev/zero");
    for (LinkedFiles links : LinkedFiles.values()) {
      assertThatThrownBy(() -> convertRaw(q, tmp.resolve("out.raw"), links))
          .isInstanceOf(DiskFormatException.class)
          .hasMessageContaining("backing file /dev/zero is not a regular file");
    }
    assertThat(tmp.resolve("out.raw")).doesNotExist();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPipeIsNoBackingFileAndDoesNotHang() throws Exception {
    Path q = overlayNaming("fifo");
    Process p = new ProcessBuilder("mkfifo", tmp.resolve("fifo").toString()).start();
    assertThat(p.waitFor()).isZero();
    assertThatThrownBy(() -> convertRaw(q, tmp.resolve("out.raw"), LinkedFiles.ANYWHERE))
        .hasMessageContaining("is not a regular file");
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    Path d = flatDescriptor(tmp.resolve("d"), "gone-flat.vmdk");
    assertThatThrownBy(() -> DiskImages.open(d, null).close())
        .hasMessageContaining("extent file " + d.resolveSibling("gone-flat.vmdk") + " not found");
  }
}
