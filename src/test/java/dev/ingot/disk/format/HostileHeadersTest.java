package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images whose headers and tables were altered on purpose, as an image from elsewhere can be: each
 * is refused with the file's name and the field at fault (not "Negative position", a number-format
 * error or an empty image), or read as qemu-img reads it. Found by a black-box fuzz review.
 */
class HostileHeadersTest {
  @TempDir Path tmp;

  private Path image(String fmt, String options, long seed) throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("src-" + seed + ".raw"), 8 << 20, seed, 10);
    Path out = tmp.resolve("x" + seed + "." + fmt);
    DiskImages.convert(
        src,
        null,
        out,
        DiskImages.options(DiskFormat.parse(fmt), options, false),
        new WriteJob(2, 0, out.getFileName().toString()));
    return out;
  }

  /** Refused on open with a message naming the file and containing {@code what}. */
  private static void refused(Path image, String what) {
    assertThatThrownBy(() -> DiskImages.open(image, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageStartingWith(image + ": ")
        .hasMessageContaining(what);
  }

  /** Converting {@code image} to raw fails naming it and {@code what}, and leaves no output. */
  private void conversionRefused(Path image, String what) throws Exception {
    Path out = tmp.resolve("out.raw");
    assertThatThrownBy(
            () ->
                DiskImages.convert(
                    image, null, out, new WriteOptions.Raw(), new WriteJob(2, 0, "out.raw")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(image + ": ")
        .hasMessageContaining(what);
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("out.raw"));
    }
  }

  @Test
  void qcow2TableOffsetsPastTheFileAreNamed() throws Exception {
    Path q = image("qcow2", "", 1);
    long l1 = Patch.readLongBe(q, 40);
    Patch.longBe(q, 40, Long.MIN_VALUE); // 2^63: was "Negative position"
    refused(q, "qcow2 L1 table (");
    refused(q, "at byte 9223372036854775808) lies past the end of the file");
    Patch.longBe(q, 40, l1 + 512);
    refused(q, "is not cluster-aligned");
    Patch.longBe(q, 40, l1);
    long l2 = Patch.readLongBe(q, l1) & Qcow2Layout.OFFSET_MASK;
    Patch.longBe(q, l1, (l2 + 512) | Qcow2Layout.COPIED);
    conversionRefused(q, "L2 table 0 at host offset " + (l2 + 512) + " is not cluster-aligned");
    Patch.longBe(q, l1, ((Files.size(q) + (1 << 20)) & ~0xffffL) | Qcow2Layout.COPIED);
    conversionRefused(q, "L2 table 0 (65536 bytes at byte");
  }

  @Test
  void qcow2DataPastTheEndOfATruncatedFileIsNamed() throws Exception {
    Path q = image("qcow2", "", 2);
    long l2 = Patch.readLongBe(q, Patch.readLongBe(q, 40)) & Qcow2Layout.OFFSET_MASK;
    long last = 0; // the host offset of the last data cluster: the file is cut inside it
    for (int i = 0; i < 128; i++) { // 8 MiB in 64 KiB clusters: one L2 table
      last = Math.max(last, Patch.readLongBe(q, l2 + i * 8L) & Qcow2Layout.OFFSET_MASK);
    }
    assertThat(last).isPositive();
    try (RandomAccessFile f = new RandomAccessFile(q.toFile(), "rw")) {
      f.setLength(last + 512);
    }
    conversionRefused(q, "lies past the end of the file");
    conversionRefused(q, "the image is truncated or damaged");
  }

  @Test
  void qcow2RefcountOrderIsChecked() throws Exception {
    Path q = image("qcow2", "", 3);
    for (int order : new int[] {7, 64, -1}) {
      Patch.bytes(q, 96, ByteBuffer.allocate(4).putInt(order).array());
      refused(q, "qcow2 refcount_order " + order + " is out of range (0 to 6)");
    }
  }

  /**
   * A compressed cluster whose stream ends before a whole cluster came out: qemu-img reports an I/O
   * error; it was padded with zeros and converted without a word.
   */
  @Test
  void aCompressedQcow2ClusterThatInflatesShortIsRefused() throws Exception {
    Path q = tmp.resolve("c.qcow2");
    TestDisks.runOk("qemu-img", "create", "-q", "-f", "qcow2", q.toString(), "1M");
    TestDisks.runOk("qemu-io", "-f", "qcow2", "-c", "write -c -P 0x41 0 64k", q.toString());
    long l1 = Patch.readLongBe(q, 40);
    long entry = Patch.readLongBe(q, Patch.readLongBe(q, l1) & Qcow2Layout.OFFSET_MASK);
    assertThat(entry & Qcow2Layout.COMPRESSED).isNotZero();
    long off = entry & ((1L << 54) - 1); // 64 KiB clusters: offset bits below 62 - 8
    byte[] shortStream = deflateRaw(new byte[1000]);
    Patch.bytes(q, off, shortStream);
    conversionRefused(q, "inflates to 1000 bytes, not the 65536 of a cluster");
  }

  private static byte[] deflateRaw(byte[] data) {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    byte[] out = new byte[data.length + 64];
    int n = d.deflate(out);
    d.end();
    return java.util.Arrays.copyOf(out, n);
  }

  @Test
  void vhdFootersAreChecked() throws Exception {
    Path fixed = image("vhd", "subformat=fixed", 4);
    long at = Files.size(fixed) - 512;
    Patch.longBe(fixed, at + 48, -1); // current size
    // Such a footer no longer shows a fixed VHD (a raw disk's guest writes its last sector), so
    // the format is given, as with qemu-img, which never probes a fixed VHD.
    assertThat(DiskImages.probe(fixed)).isEqualTo(DiskFormat.RAW);
    assertThatThrownBy(() -> DiskImages.open(fixed, DiskFormat.VHD).close())
        .hasMessageContaining("VHD footer checksum is");
    Patch.vhdChecksum(fixed);
    assertThatThrownBy(() -> DiskImages.open(fixed, DiskFormat.VHD).close())
        .hasMessageContaining("VHD size -1 is out of range"); // was an empty image, exit 0

    Path dynamic = image("vhd", "subformat=dynamic", 5);
    long dyn = Patch.readLongBe(dynamic, 16);
    Patch.longBe(dynamic, dyn + 16, Long.MIN_VALUE); // the block table's offset
    Patch.vhdChecksum(dynamic, dyn, 1024, 36);
    refused(dynamic, "VHD block table (");
    refused(dynamic, "lies past the end of the file");
    long end = Files.size(dynamic) - 512; // the footer: the dynamic header's offset
    Patch.longBe(dynamic, end + 16, Long.MAX_VALUE);
    Patch.vhdChecksum(dynamic);
    refused(dynamic, "VHD dynamic header (1024 bytes at byte 9223372036854775807)");
  }

  /** A dynamic VHD keeps a copy of its footer at its start, which serves when the footer is bad. */
  @Test
  void aDamagedDynamicVhdFooterFallsBackToItsCopy() throws Exception {
    Path vhd = image("vhd", "subformat=dynamic", 8);
    Patch.bytes(vhd, Files.size(vhd) - 512 + 24, new byte[] {1, 2, 3, 4}); // the time stamp
    Path back = tmp.resolve("back.raw");
    DiskImages.convert(vhd, null, back, new WriteOptions.Raw(), new WriteJob(2, 0, "back.raw"));
    TestDisks.assertSameBytes(tmp.resolve("src-8.raw"), back, 8 << 20);
    Patch.bytes(vhd, 24, new byte[] {1, 2, 3, 4}); // the copy too
    refused(vhd, "VHD footer checksum is");
  }

  /**
   * Virtual PC and old QEMU size a VHD by its CHS geometry; the current-size field may say more.
   * Ingot reads the size qemu-img reads.
   */
  @Test
  void aVhdFromVirtualPcIsSizedByItsGeometry() throws Exception {
    Path vhd = image("vhd", "subformat=dynamic", 6);
    // Both the footer and its copy at the start, which QEMU reads first in a dynamic disk.
    for (long at : new long[] {0, Files.size(vhd) - 512}) {
      Patch.bytes(vhd, at + 28, "vpc ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      Patch.longBe(vhd, at + 48, 9L << 20); // more than the geometry's 8 MiB or so
      Patch.vhdChecksum(vhd, at, 512, 64);
    }
    long qemu = TestDisks.qemuInfo(vhd, "vpc").get("virtual-size").asLong();
    try (DiskReader r = DiskImages.open(vhd, null)) {
      assertThat(qemu).isLessThan(9L << 20);
      assertThat(r.virtualSize()).isEqualTo(qemu);
    }
  }

  @Test
  void vmdkHeaderFieldsAreChecked() throws Exception {
    Path v = image("vmdk", "subformat=monolithicSparse", 7);
    // A huge capacity: its grain directory alone would be larger than the file. It took 2.2 GB
    // of memory before the table refusal.
    Patch.longLe(v, 12, 1L << 44);
    refused(v, "needs a grain directory of");
    Patch.longLe(v, 12, (8 << 20) / 512);
    Patch.bytes(v, 44, new byte[] {0, 0, 1, 0}); // numGTEsPerGT 65536
    refused(v, "bad VMDK grain table size 65536");
    Patch.bytes(v, 44, new byte[] {0, 2, 0, 0});
    long gd = Long.reverseBytes(Patch.readLongBe(v, 56));
    Patch.longLe(v, 56, 1L << 60); // the grain directory's sector: overflowed past 2^63
    refused(v, "VMDK grain directory (");
    Patch.longLe(v, 56, gd);
    // A descriptor size of -1 (was NegativeArraySizeException "-512"): read with no descriptor,
    // as qemu-img reads it.
    Patch.longLe(v, 36, -1);
    Path back = tmp.resolve("back.raw");
    DiskImages.convert(v, null, back, new WriteOptions.Raw(), new WriteJob(2, 0, "back.raw"));
    TestDisks.assertSameBytes(tmp.resolve("src-7.raw"), back, 8 << 20);
    Patch.longLe(v, 36, 20);
    Patch.longLe(v, 28, 1L << 60); // the descriptor's sector
    refused(v, "VMDK descriptor (");
  }

  @Test
  void vmdkDescriptorNumbersAreChecked() throws Exception {
    Files.write(tmp.resolve("d-flat.vmdk"), new byte[4096]);
    Path d = tmp.resolve("d.vmdk");
    String head = "# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\n";
    Files.writeString(d, head + "RW 99999999999999999999 FLAT \"d-flat.vmdk\" 0\n");
    refused(d, "VMDK extent size of 99999999999999999999 sectors is out of range");
    Files.writeString(d, head + "RW 18014398509481984 FLAT \"d-flat.vmdk\" 0\n"); // 2^54
    refused(d, "VMDK extent size of 18014398509481984 sectors is out of range");
    String big = "RW 18014398509481983 ZERO\n"; // just under 2^63 bytes each: the sum overflows
    Files.writeString(d, head + big + big);
    refused(d, "the extents add up to more than 2^63 bytes");
    Files.writeString(d, head + "RW 8 FLAT \"d-flat.vmdk\" 18014398509481983\n");
    refused(d, "is shorter than the descriptor says"); // an offset far past the file's end
    Files.writeString(d, head + "RW 8 FLAT \"d-flat.vmdk\" 36028797018963967\n");
    refused(d, "VMDK extent offset of 36028797018963967 sectors is out of range");
  }

  /**
   * A raw output of a huge, nearly empty image is made by its allocated extents: 32 PiB went a 1
   * MiB chunk at a time, about an hour before the file system said "File too large" (qemu-img fails
   * in milliseconds). Where the file system holds a file this large (tmpfs, XFS), the data lands at
   * its offset; elsewhere the refusal comes at once and leaves nothing. The timeout guards the
   * hang; it is no speed measure.
   */
  @Test
  @Timeout(60)
  void aHugeSparseImageToRawIsWrittenByItsExtents() throws Exception {
    Path q = tmp.resolve("huge.qcow2");
    TestDisks.runOk(
        "qemu-img", "create", "-q", "-f", "qcow2", "-o", "cluster_size=2M", q.toString(), "32P");
    TestDisks.runOk("qemu-io", "-f", "qcow2", "-c", "write -P 0x41 8T 2M", q.toString());
    Path out = tmp.resolve("huge.raw");
    try {
      DiskImages.convert(q, null, out, new WriteOptions.Raw(), new WriteJob(2, 0, "huge.raw"));
    } catch (java.io.IOException e) {
      assertThat(e).hasMessageContaining("huge.raw");
      try (var s = Files.list(tmp)) {
        assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("huge.raw"));
      }
      return;
    }
    assertThat(Files.size(out)).isEqualTo(32L << 50);
    try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
      byte[] b = new byte[2 << 20];
      f.seek(8L << 40);
      f.readFully(b);
      assertThat(b).containsOnly((byte) 0x41);
    }
  }
}
