package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qcow2 overlays made by qemu-img and written into with qemu-io: our reader flattens the chain to
 * the bytes {@code qemu-img convert -O raw} gives (data written in the overlay, zeroed clusters
 * hiding the base's data, the base showing through elsewhere, a base shorter than the overlay), and
 * refuses a missing base and a loop with a message naming the file.
 */
@Tag("peer")
class Qcow2BackingPeerTest {
  @TempDir Path tmp;

  private static final long SIZE = 8L << 20;

  /** qemu-img create of an overlay on {@code backing} (as the header will name it). */
  private static void overlay(Path file, String backing, String... size) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of("qemu-img", "create", "-q", "-f", "qcow2", "-b", backing));
    cmd.addAll(java.util.List.of("-F", "qcow2", file.toString()));
    cmd.addAll(java.util.List.of(size));
    TestDisks.runOk(cmd.toArray(String[]::new));
  }

  @Test
  void aChainOfOverlaysReadsAsQemuImgFlattensIt() throws Exception {
    Path raw = TestDisks.randomSparse(tmp.resolve("base.raw"), 4L << 20, 7, 20);
    Path base = tmp.resolve("base.qcow2");
    TestDisks.runOk(
        "qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), base.toString());
    // The middle overlay names its base relatively, the top one by absolute path, with a format.
    Path mid = tmp.resolve("mid.qcow2");
    overlay(mid, "base.qcow2", Long.toString(SIZE));
    TestDisks.runOk("qemu-io", "-c", "write -P 0xab 1M 192k", mid.toString());
    TestDisks.runOk("qemu-io", "-c", "write -z 2M 128k", mid.toString());
    TestDisks.runOk("qemu-io", "-c", "write -P 0x5a 6M 64k", mid.toString());
    Path top = tmp.resolve("top.qcow2");
    overlay(top, mid.toString());
    TestDisks.runOk("qemu-io", "-c", "write -P 0x11 1088k 4k", top.toString());

    Path ours = TestDisks.assertReadsAsQemuImg(top, SIZE, tmp);

    // Converted to a standalone qcow2, the chain is flattened: qemu-img finds it equal.
    Path flat = tmp.resolve("flat.qcow2");
    DiskImages.convert(
        top, null, flat, DiskImages.options(DiskFormat.QCOW2, "", false), new WriteJob(2, 0, "f"));
    assertThat(TestDisks.runOk("qemu-img", "compare", top.toString(), flat.toString()))
        .contains("Images are identical.");
    try (DiskReader r = DiskImages.open(top, null)) {
      assertThat(r.info().details()).containsEntry("backing-filename", mid.toString());
      assertThat(r.files()).containsExactly(top, mid, base);
    }
    // Writing over a base of the chain would destroy what is being read: refused.
    byte[] sum = TestDisks.sha256(base);
    assertThatThrownBy(
            () ->
                DiskImages.convert(
                    top, null, base, new WriteOptions.Raw(), new WriteJob(2, 0, "base.qcow2")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("is a file the input");
    assertThat(TestDisks.sha256(base)).isEqualTo(sum);
  }

  @Test
  void aMissingBaseOrALoopIsAClearError() throws Exception {
    Path base = tmp.resolve("gone.qcow2");
    TestDisks.runOk("qemu-img", "create", "-q", "-f", "qcow2", base.toString(), "1M");
    Path over = tmp.resolve("over.qcow2");
    overlay(over, "gone.qcow2");
    Files.delete(base);
    assertThatThrownBy(() -> DiskImages.open(over, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("backing file " + base + " not found");

    // Two overlays naming each other: qemu-img refuses to make that, so the second name is
    // rewritten in place with qemu-img rebase -u (unsafe: no checks).
    Path a = tmp.resolve("a.qcow2");
    Path b = tmp.resolve("b.qcow2");
    TestDisks.runOk("qemu-img", "create", "-q", "-f", "qcow2", a.toString(), "1M");
    overlay(b, "a.qcow2");
    TestDisks.runOk("qemu-img", "rebase", "-u", "-b", "b.qcow2", "-F", "qcow2", a.toString());
    assertThatThrownBy(() -> DiskImages.open(b, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("backing chain longer than");
  }
}
