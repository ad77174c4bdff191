package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged or unsupported input gives a clear error and leaves no output behind. */
class BadImagesTest {
  @TempDir Path tmp;

  private Path convertTo(String fmt, Path src) throws Exception {
    Path out = tmp.resolve("x." + fmt);
    DiskImages.convert(
        src,
        null,
        out,
        DiskImages.options(DiskFormat.parse(fmt), "", false),
        new WriteJob(2, 0, "x." + fmt));
    return out;
  }

  /** Converts {@code in} (format probed) to the raw image {@code out}. */
  private static void toRaw(Path in, Path out) throws Exception {
    DiskImages.convert(
        in, null, out, new WriteOptions.Raw(), new WriteJob(2, 0, out.getFileName().toString()));
  }

  @Test
  void truncatedStreamOptimizedVmdkIsRefused() throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("a.raw"), 8 << 20, 1, 20);
    Path vmdk = convertTo("vmdk", src);
    try (RandomAccessFile f = new RandomAccessFile(vmdk.toFile(), "rw")) {
      f.setLength(f.length() - 512);
    }
    Path out = tmp.resolve("back.raw");
    assertThatThrownBy(
            () ->
                DiskImages.convert(
                    vmdk, null, out, new WriteOptions.Raw(), new WriteJob(1, 0, "b")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("end-of-stream marker");
    assertThat(out).doesNotExist();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void damagedCompressedGrainIsReported() throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("a.raw"), 8 << 20, 2, 20);
    Path vmdk = convertTo("vmdk", src);
    try (RandomAccessFile f = new RandomAccessFile(vmdk.toFile(), "rw")) {
      f.seek(128 * 512 + 12); // the zlib stream of the first grain
      f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    Path out = tmp.resolve("back.raw");
    assertThatThrownBy(
            () ->
                DiskImages.convert(
                    vmdk, null, out, new WriteOptions.Raw(), new WriteJob(2, 0, "b")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("damaged");
    assertThat(out).doesNotExist();
  }

  @Test
  void qcow2WithABrokenBackingFileFieldIsRefused() throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("a.raw"), 4 << 20, 3, 5);
    Path q = convertTo("qcow2", src);
    try (RandomAccessFile f = new RandomAccessFile(q.toFile(), "rw")) {
      f.seek(8);
      f.writeLong(4096);
    }
    assertThatThrownBy(() -> DiskImages.open(q, null))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("bad qcow2 backing file name length 0");
  }

  @Test
  void aConversionDoesNotReplaceAFileTheInputReads() throws Exception {
    Path flat = TestDisks.randomSparse(tmp.resolve("data-flat.vmdk"), 1 << 20, 5, 4);
    byte[] before = Files.readAllBytes(flat);
    Path d = tmp.resolve("disk.vmdk");
    Files.writeString(
        d,
        "# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\n"
            + "RW 2048 FLAT \"data-flat.vmdk\" 0\n");
    assertThatThrownBy(
            () ->
                DiskImages.convert(
                    d, null, flat, new WriteOptions.Raw(), new WriteJob(2, 0, "data-flat.vmdk")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("is a file the input " + d + " reads");
    assertThat(Files.readAllBytes(flat)).isEqualTo(before);
  }

  @Test
  void unknownOptionsNameTheKnownOnes() {
    assertThatThrownBy(() -> WriteOptions.parse(DiskFormat.VMDK, Map.of("subformt", "x"), false))
        .hasMessageContaining("subformt")
        .hasMessageContaining("subformat, adapter_type");
    assertThatThrownBy(() -> DiskImages.options(DiskFormat.QCOW2, "cluster_size=3000", false))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> DiskImages.options(DiskFormat.VHD, "subformat=sparse", false))
        .hasMessageContaining("fixed or dynamic");
  }

  @Test
  void brokenVmdkDescriptorFilesNameTheProblem() throws Exception {
    Path d = tmp.resolve("flat.vmdk");
    String head = "# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\n";
    Files.writeString(d, head);
    assertThat(DiskImages.probe(d)).isEqualTo(DiskFormat.VMDK);
    assertThatThrownBy(() -> DiskImages.open(d, null)).hasMessageContaining("lists no extents");
    Files.writeString(d, head + "RW 2048 FLAT \"missing-flat.vmdk\" 0\n");
    assertThatThrownBy(() -> DiskImages.open(d, null))
        .hasMessageContaining("extent file " + tmp.resolve("missing-flat.vmdk") + " not found");
    Files.writeString(tmp.resolve("short-flat.vmdk"), "x".repeat(512));
    Files.writeString(d, head + "RW 2048 FLAT \"short-flat.vmdk\" 0\n");
    assertThatThrownBy(() -> DiskImages.open(d, null)).hasMessageContaining("shorter than");
    Files.writeString(d, head + "parentCID=12345678\nRW 1 ZERO\n");
    assertThatThrownBy(() -> DiskImages.open(d, null)).hasMessageContaining("delta disk");
    Files.writeString(d, head + "RW 8 VMFSRDM \"x.vmdk\"\n");
    Files.writeString(tmp.resolve("x.vmdk"), "");
    assertThatThrownBy(() -> DiskImages.open(d, null))
        .hasMessageContaining("extents of kind VMFSRDM are not supported");
  }

  /**
   * A tiny qcow2 of a huge virtual size (a hostile header, or a thin disk) is looked at in
   * proportion to its tables, not to its size. It went a cluster at a time: disk-info of this 32
   * PiB image took 108 s. The timeout guards against that hang; it is no speed measure.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aHugeMostlyEmptyQcow2IsLookedAtByItsTables() throws Exception {
    Path q = tmp.resolve("huge.qcow2");
    TestDisks.runOk(
        "qemu-img", "create", "-q", "-f", "qcow2", "-o", "cluster_size=2M", q.toString(), "32P");
    TestDisks.runOk("qemu-io", "-f", "qcow2", "-c", "write -c -P 0x41 8T 2M", q.toString());
    try (DiskReader r = DiskImages.open(q, null)) {
      assertThat(r.virtualSize()).isEqualTo(32L << 50);
      assertThat(r.info().details()).containsEntry("compressed-clusters", true);
      Extents a = r.allocated();
      assertThat(a.intersects(8L << 40, (8L << 40) + (2 << 20))).isTrue();
      assertThat(a.intersects(0, 8L << 40)).isFalse();
      assertThat(a.intersects((8L << 40) + (2 << 20), 32L << 50)).isFalse();
    }
  }

  /**
   * A dynamic VHD whose header claims a huge block table is read by the blocks of its disk (it
   * sized a 4 GiB table from the header and died with OutOfMemoryError), and a table past the end
   * of the file is named.
   */
  @Test
  void aVhdBlockTableIsSizedByItsDisk() throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("a.raw"), 8 << 20, 3, 10);
    Path vhd = convertTo("vhd", src);
    int dyn;
    try (RandomAccessFile f = new RandomAccessFile(vhd.toFile(), "rw")) {
      f.seek(16);
      dyn = (int) f.readLong(); // the dynamic header
      f.seek(dyn + 28);
      f.writeInt(0x40000000); // max table entries
    }
    Patch.vhdChecksum(vhd, dyn, 1024, 36);
    Path back = tmp.resolve("back.raw");
    toRaw(vhd, back);
    TestDisks.assertSameBytes(src, back, 8 << 20);
    try (RandomAccessFile f = new RandomAccessFile(vhd.toFile(), "rw")) {
      f.seek(dyn + 16);
      f.writeLong(1L << 40); // the table's offset, past the end
    }
    Patch.vhdChecksum(vhd, dyn, 1024, 36);
    Path out = tmp.resolve("none.raw");
    assertThatThrownBy(() -> toRaw(vhd, out))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(vhd + ": VHD block table (")
        .hasMessageContaining("lies past the end of the file");
    assertThat(out).doesNotExist();
  }

  /** Sizes that are negative or overflow are refused (they gave empty images and exit 0). */
  @Test
  void outOfRangeVirtualSizesAreRefused() throws Exception {
    Path src = TestDisks.randomSparse(tmp.resolve("a.raw"), 8 << 20, 4, 10);
    Path q = convertTo("qcow2", src);
    for (long size : new long[] {Long.MIN_VALUE, Long.MAX_VALUE}) {
      try (RandomAccessFile f = new RandomAccessFile(q.toFile(), "rw")) {
        f.seek(24);
        f.writeLong(size);
      }
      assertThatThrownBy(() -> DiskImages.open(q, null).close())
          .isInstanceOf(DiskFormatException.class)
          .hasMessageContaining("qcow2 virtual size " + size + " is out of range");
    }
    Path v = tmp.resolve("m.vmdk");
    DiskImages.convert(
        src,
        null,
        v,
        DiskImages.options(DiskFormat.VMDK, "subformat=monolithicSparse", false),
        new WriteJob(2, 0, "m.vmdk"));
    try (RandomAccessFile f = new RandomAccessFile(v.toFile(), "rw")) {
      f.seek(12);
      f.write(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}); // capacity, little-endian: -1
    }
    assertThatThrownBy(() -> DiskImages.open(v, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("VMDK capacity of -1 sectors is out of range");
  }
}
