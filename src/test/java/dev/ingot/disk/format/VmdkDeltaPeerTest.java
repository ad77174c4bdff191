package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VMDK delta disks (snapshots, linked clones) made by qemu-img on a monolithicSparse parent and
 * written into with qemu-io: our reader flattens them to the bytes {@code qemu-img convert -O raw}
 * gives (the delta's grains, zeroed grains hiding the parent, the parent elsewhere, a chain of two
 * deltas), and refuses a parent written since the delta was made.
 */
@Tag("peer")
class VmdkDeltaPeerTest {
  @TempDir Path tmp;

  private static final long SIZE = 8L << 20;

  private Path base() throws Exception {
    Path raw = TestDisks.randomSparse(tmp.resolve("base.raw"), SIZE, 9, 24);
    Path base = tmp.resolve("base.vmdk");
    TestDisks.runOk(
        "qemu-img",
        "convert",
        "-f",
        "raw",
        "-O",
        "vmdk",
        "-o",
        "subformat=monolithicSparse",
        raw.toString(),
        base.toString());
    // Data where the delta will zero a range, so that zeros there prove the parent is hidden.
    TestDisks.runOk("qemu-io", "-f", "vmdk", "-c", "write -P 0x42 3M 128k", base.toString());
    return base;
  }

  private static byte[] bytes(Path raw, long at, int n) throws Exception {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(raw)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
      ch.read(b, at);
      return b.array();
    }
  }

  private static void delta(Path file, String parent) throws Exception {
    TestDisks.runOk(
        "qemu-img",
        "create",
        "-q",
        "-f",
        "vmdk",
        "-o",
        "zeroed_grain=on",
        "-b",
        parent,
        "-F",
        "vmdk",
        file.toString());
  }

  @Test
  void aChainOfDeltasReadsAsQemuImgFlattensIt() throws Exception {
    Path base = base();
    Path snap1 = tmp.resolve("base-000001.vmdk");
    delta(snap1, "base.vmdk");
    TestDisks.runOk("qemu-io", "-f", "vmdk", "-c", "write -P 0xab 1M 192k", snap1.toString());
    TestDisks.runOk("qemu-io", "-f", "vmdk", "-c", "write -z 3M 128k", snap1.toString());
    Path snap2 = tmp.resolve("base-000002.vmdk");
    delta(snap2, "base-000001.vmdk");
    TestDisks.runOk("qemu-io", "-f", "vmdk", "-c", "write -P 0x11 1088k 4k", snap2.toString());

    Path ours = TestDisks.assertReadsAsQemuImg(snap2, SIZE, tmp);
    // The zeroed grains hide the parent's 0x42s; its data shows through next to them.
    assertThat(bytes(ours, 3L << 20, 128 << 10)).containsOnly((byte) 0);
    Path baseOut = tmp.resolve("base.out.raw");
    DiskImages.convert(base, null, baseOut, new WriteOptions.Raw(), new WriteJob(2, 0, "b.raw"));
    assertThat(bytes(baseOut, 3L << 20, 128 << 10)).containsOnly((byte) 0x42);
    assertThat(bytes(ours, 1L << 20, 4096)).containsOnly((byte) 0xab);
    assertThat(bytes(ours, 1088L << 10, 4096)).containsOnly((byte) 0x11);

    // Flattened into a standalone image, qemu-img finds it equal to the chain.
    Path flat = tmp.resolve("flat.qcow2");
    DiskImages.convert(
        snap2,
        null,
        flat,
        DiskImages.options(DiskFormat.QCOW2, "", false),
        new WriteJob(2, 0, "f"));
    assertThat(TestDisks.runOk("qemu-img", "compare", snap2.toString(), flat.toString()))
        .contains("Images are identical.");
    try (DiskReader r = DiskImages.open(snap2, null)) {
      assertThat(r.info().details()).containsEntry("backing-filename", "base-000001.vmdk");
      assertThat(r.files()).containsExactly(snap2, snap1, base);
    }
    // disk-info --backing-chain names the images as qemu-img info --backing-chain does.
    dev.ingot.cli.CliTestSupport.Run info =
        dev.ingot.cli.CliTestSupport.run(
            tmp, java.util.Map.of(), "disk-info", "--backing-chain", "base-000002.vmdk");
    assertThat(info.exitCode()).as(info.err()).isZero();
    java.util.List<String> named = info.out().lines().filter(l -> l.startsWith("image: ")).toList();
    java.util.List<String> qemu =
        TestDisks.runOk("qemu-img", "info", "--backing-chain", snap2.toString())
            .lines()
            .filter(l -> l.startsWith("image: "))
            .map(l -> l.replace(tmp + "/", ""))
            .toList();
    assertThat(named)
        .containsExactly("image: base-000002.vmdk", "image: base-000001.vmdk", "image: base.vmdk")
        .isEqualTo(qemu);
  }

  @Test
  void aParentWrittenSinceTheDeltaWasMadeIsRefused() throws Exception {
    Path base = base();
    Path snap = tmp.resolve("snap.vmdk");
    delta(snap, "base.vmdk");
    // Writing to the parent gives it a new CID, which the delta's parentCID no longer matches.
    TestDisks.runOk("qemu-io", "-f", "vmdk", "-c", "write -P 0x77 0 64k", base.toString());
    assertThatThrownBy(() -> DiskImages.open(snap, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("snap.vmdk")
        .hasMessageContaining("was made on");
    Files.delete(base);
    assertThatThrownBy(() -> DiskImages.open(snap, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("backing file")
        .hasMessageContaining("not found");
  }
}
