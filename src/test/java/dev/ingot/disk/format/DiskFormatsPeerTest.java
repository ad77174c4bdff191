package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our writers checked by qemu-img (check, compare, info) and our readers checked against qemu-img's
 * own output, over random sparse disks.
 */
@Tag("peer")
class DiskFormatsPeerTest {
  @TempDir static Path tmp;
  static Path src;
  static final long SIZE = (96L << 20) + 7 * 512 + 4096; // not a multiple of any cluster size

  @BeforeAll
  static void makeSource() throws Exception {
    src = TestDisks.randomSparse(tmp.resolve("src.raw"), SIZE, 42, 150);
  }

  /**
   * A split VMDK of a 5 GiB disk is three extents of 2, 2 and 1 GiB, with data across the first
   * boundary and in the last extent: checked, compared and read back as qemu-img does it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"twoGbMaxExtentSparse, s", "twoGbMaxExtentFlat, f"})
  void aSplitVmdkHasAnExtentPer2GiB(String kind, String letter) throws Exception {
    long size = 5L << 30;
    Path big = tmp.resolve("big-" + kind + ".raw");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(size);
      byte[] data = new byte[256 << 10];
      new java.util.Random(9).nextBytes(data);
      f.seek((2L << 30) - (100 << 10)); // across the end of the first extent
      f.write(data);
      f.seek((4L << 30) + (7 << 20) + 512);
      f.write(data);
    }
    Path out = tmp.resolve("split-" + kind + ".vmdk");
    WriteOptions o = DiskImages.options(DiskFormat.VMDK, "subformat=" + kind, false);
    DiskImages.convert(
        big, null, out, o, new WriteJob(2, 1_700_000_000L, out.getFileName().toString()));
    String base = "split-" + kind;
    for (int i = 1; i <= 3; i++) {
      Path extent = tmp.resolve(String.format("%s-%s%03d.vmdk", base, letter, i));
      assertThat(extent).exists();
      if (letter.equals("f")) {
        assertThat(Files.size(extent)).isEqualTo(i < 3 ? 2L << 30 : 1L << 30);
      }
    }
    assertThat(tmp.resolve(String.format("%s-%s%03d.vmdk", base, letter, 4))).doesNotExist();
    assertThat(TestDisks.runOk("qemu-img", "check", out.toString()))
        .contains("No errors were found on the image.");
    assertThat(
            TestDisks.runOk(
                "qemu-img", "compare", "-f", "raw", "-F", "vmdk", big.toString(), out.toString()))
        .contains("Images are identical.");
    JsonNode info = TestDisks.qemuInfo(out, "vmdk");
    assertThat(info.at("/format-specific/data/create-type").asText()).isEqualTo(kind);
    assertThat(info.at("/format-specific/data/extents").size()).isEqualTo(3);
    Path back = tmp.resolve(base + ".back.raw");
    DiskImages.convert(out, null, back, new WriteOptions.Raw(), new WriteJob(2, 0, "b.raw"));
    assertThat(
            TestDisks.runOk(
                "qemu-img", "compare", "-f", "raw", "-F", "raw", big.toString(), back.toString()))
        .contains("Images are identical.");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "qcow2, '', qcow2, ''",
    "qcow2, 'compress', qcow2, ''",
    "qcow2, 'cluster_size=4096,compress', qcow2, ''",
    "qcow2, 'cluster_size=2M', qcow2, ''",
    "qcow2, 'compression_type=zstd,compress', qcow2, ''",
    "qcow2, 'compression_type=zstd,compress,cluster_size=4096', qcow2, ''",
    "vmdk, '', vmdk, streamOptimized",
    "vmdk, 'subformat=monolithicSparse,adapter_type=ide', vmdk, monolithicSparse",
    "vmdk, 'subformat=monolithicFlat', vmdk, monolithicFlat",
    "vmdk, 'subformat=twoGbMaxExtentSparse', vmdk, twoGbMaxExtentSparse",
    "vmdk, 'subformat=twoGbMaxExtentFlat', vmdk, twoGbMaxExtentFlat",
    "vhd, '', vpc, ''",
    "vhd, 'subformat=fixed', vpc, ''",
    "raw, '', raw, ''"
  })
  void qemuImgAcceptsWhatWeWrite(String fmt, String opts, String qemuFmt, String createType)
      throws Exception {
    Path out = tmp.resolve("out-" + Math.abs((fmt + opts).hashCode()) + "." + fmt);
    WriteOptions o = DiskImages.options(DiskFormat.parse(fmt), opts, false);
    DiskImages.convert(
        src, null, out, o, new WriteJob(2, 1_700_000_000L, out.getFileName().toString()));

    if (fmt.equals("qcow2") || fmt.equals("vmdk")) {
      String check = TestDisks.runOk("qemu-img", "check", out.toString());
      assertThat(check).contains("No errors were found on the image.");
    }
    String cmp =
        TestDisks.runOk(
            "qemu-img", "compare", "-f", "raw", "-F", qemuFmt, src.toString(), out.toString());
    assertThat(cmp).contains("Images are identical.");
    JsonNode info = TestDisks.qemuInfo(out, qemuFmt);
    assertThat(info.get("format").asText()).isEqualTo(qemuFmt);
    long want = fmt.equals("vhd") ? Blocks.alignUp(SIZE, 1 << 20) : Blocks.alignUp(SIZE, 512);
    assertThat(info.get("virtual-size").asLong()).isEqualTo(want);
    if (!createType.isEmpty()) {
      assertThat(info.at("/format-specific/data/create-type").asText()).isEqualTo(createType);
    }
    if (opts.contains("compress")) {
      assertThat(Files.size(out)).isLessThan(Files.size(tmp.resolve("src.raw")) / 2);
    }
    if (fmt.equals("qcow2")) {
      String type = opts.contains("zstd") ? "zstd" : "zlib";
      assertThat(info.at("/format-specific/data/compression-type").asText()).isEqualTo(type);
      try (DiskReader r = DiskImages.open(out, null)) {
        assertThat(r.info().details()).containsEntry("compression-type", type);
      }
    }
    // Our own reader gives back the source bytes.
    Path back = tmp.resolve(out.getFileName() + ".back.raw");
    DiskImages.convert(out, null, back, new WriteOptions.Raw(), new WriteJob(2, 0, "b.raw"));
    TestDisks.assertSameBytes(src, back, SIZE);
    // Same input, same bytes (under the same name: a flat VMDK's descriptor names its extent).
    Path again = Files.createDirectories(tmp.resolve("again")).resolve(out.getFileName());
    DiskImages.convert(
        src, null, again, o, new WriteJob(1, 1_700_000_000L, out.getFileName().toString()));
    assertThat(TestDisks.sha256(again)).isEqualTo(TestDisks.sha256(out));
    if (createType.equals("monolithicFlat")) {
      String base = out.getFileName().toString().replace(".vmdk", "");
      Path extent = out.resolveSibling(base + "-flat.vmdk");
      assertThat(Files.readString(out))
          .contains("createType=\"monolithicFlat\"")
          .contains("RW " + Blocks.alignUp(SIZE, 512) / 512 + " FLAT \"" + base + "-flat.vmdk\" 0");
      assertThat(Files.size(extent)).isEqualTo(Blocks.alignUp(SIZE, 512));
      try (DiskReader r = DiskImages.open(out, null)) {
        assertThat(r.info().fileSize()).isEqualTo(Files.size(out) + Files.size(extent));
      }
      assertThat(TestDisks.sha256(again.resolveSibling(extent.getFileName())))
          .isEqualTo(TestDisks.sha256(extent));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "qcow2, ''",
    "qcow2, '-c'",
    "qcow2, '-o cluster_size=8192 -c'",
    "qcow2, '-o compression_type=zstd -c'",
    "qcow2, '-o compression_type=zstd,cluster_size=4096 -c'",
    "vmdk, '-o subformat=streamOptimized'",
    "vmdk, '-o subformat=monolithicSparse'",
    "vmdk, '-o subformat=monolithicFlat'",
    "vmdk, '-o subformat=twoGbMaxExtentFlat'",
    "vmdk, '-o subformat=twoGbMaxExtentSparse'",
    "vpc, '-o subformat=dynamic'",
    "vpc, '-o subformat=fixed,force_size=on'"
  })
  void ourReadersMatchQemuImgOnItsImages(String qemuFmt, String opts) throws Exception {
    Path made = tmp.resolve("qemu-" + Math.abs((qemuFmt + opts).hashCode()) + ".img");
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of("qemu-img", "convert", "-f", "raw", "-O", qemuFmt));
    if (!opts.isEmpty()) {
      cmd.addAll(java.util.List.of(opts.split(" ")));
    }
    cmd.addAll(java.util.List.of(src.toString(), made.toString()));
    TestDisks.runOk(cmd.toArray(String[]::new));
    Path theirs = tmp.resolve(made.getFileName() + ".qemu.raw");
    TestDisks.runOk(
        "qemu-img", "convert", "-f", qemuFmt, "-O", "raw", made.toString(), theirs.toString());
    Path ours = tmp.resolve(made.getFileName() + ".ours.raw");
    DiskImages.convert(
        made, DiskFormat.parse(qemuFmt), ours, new WriteOptions.Raw(), new WriteJob(2, 0, "o.raw"));
    assertThat(Files.size(ours)).isEqualTo(Files.size(theirs));
    TestDisks.assertSameBytes(theirs, ours, Files.size(theirs));
    if (!qemuFmt.equals("vpc")) {
      assertThat(DiskImages.probe(made)).isEqualTo(DiskFormat.parse(qemuFmt));
    }
  }

  @org.junit.jupiter.api.Test
  void aDescriptorOfSeveralExtentsReadsAsQemuImgReadsIt() throws Exception {
    // Flat extents, one at an offset into its file, and a sparse extent of ours.
    Path a = TestDisks.randomSparse(tmp.resolve("ext-a.raw"), 3L << 20, 11, 10);
    Path b = TestDisks.randomSparse(tmp.resolve("ext-b.raw"), 2L << 20, 12, 10);
    Path sparseSrc = TestDisks.randomSparse(tmp.resolve("ext-c.raw"), 1L << 20, 13, 10);
    Path sparse = tmp.resolve("ext-c.vmdk");
    DiskImages.convert(
        sparseSrc,
        null,
        sparse,
        DiskImages.options(DiskFormat.VMDK, "subformat=monolithicSparse", false),
        new WriteJob(2, 0, "ext-c.vmdk"));
    Path d = tmp.resolve("multi.vmdk");
    Files.writeString(
        d,
        String.join(
            "\n",
            "# Disk DescriptorFile",
            "version=1",
            "CID=12345678",
            "parentCID=ffffffff",
            "createType=\"monolithicFlat\"",
            "RW 4096 FLAT \"ext-a.raw\" 2048",
            "RW 4096 FLAT \"ext-b.raw\" 0",
            "RW 2048 SPARSE \"ext-c.vmdk\"",
            "ddb.adapterType = \"lsilogic\"",
            ""));
    Path theirs = tmp.resolve("multi.qemu.raw");
    TestDisks.runOk(
        "qemu-img", "convert", "-f", "vmdk", "-O", "raw", d.toString(), theirs.toString());
    Path ours = tmp.resolve("multi.ours.raw");
    DiskImages.convert(d, null, ours, new WriteOptions.Raw(), new WriteJob(2, 0, "m.raw"));
    assertThat(Files.size(ours))
        .isEqualTo(Files.size(theirs))
        .isEqualTo((4096L + 4096 + 2048) * 512);
    TestDisks.assertSameBytes(theirs, ours, Files.size(theirs));
    try (DiskReader r = DiskImages.open(d, null)) {
      assertThat(r.info().details()).containsEntry("extents", 3);
      assertThat(r.info().details().get("extent-files"))
          .isEqualTo(java.util.List.of(a.toString(), b.toString(), sparse.toString()));
    }

    // A ZERO extent (qemu-img skips those, against VMware's format spec) reads as zeros and
    // counts toward the size: the same bytes with 512 KiB of zeros after the first extent.
    String text = Files.readString(d);
    Files.writeString(
        d,
        text.replace("RW 4096 FLAT \"ext-b.raw\" 0", "RW 1024 ZERO\nRW 4096 FLAT \"ext-b.raw\" 0"));
    Path withZero = tmp.resolve("multi.zero.raw");
    DiskImages.convert(d, null, withZero, new WriteOptions.Raw(), new WriteJob(2, 0, "z.raw"));
    byte[] flat = Files.readAllBytes(ours);
    byte[] want = new byte[flat.length + (512 << 10)];
    System.arraycopy(flat, 0, want, 0, 2 << 20);
    System.arraycopy(flat, 2 << 20, want, (2 << 20) + (512 << 10), flat.length - (2 << 20));
    assertThat(Files.readAllBytes(withZero)).isEqualTo(want);
  }

  @org.junit.jupiter.api.Test
  void infoMatchesQemuImg() throws Exception {
    Path out = tmp.resolve("info.vmdk");
    DiskImages.convert(
        src,
        null,
        out,
        DiskImages.options(DiskFormat.VMDK, "", false),
        new WriteJob(2, 0, "info.vmdk"));
    try (DiskReader r = DiskImages.open(out, null)) {
      DiskInfo i = r.info();
      JsonNode q = TestDisks.qemuInfo(out, null);
      assertThat(i.virtualSize()).isEqualTo(q.get("virtual-size").asLong());
      assertThat(i.subformat()).isEqualTo(q.at("/format-specific/data/create-type").asText());
      assertThat(i.details()).containsAllEntriesOf(Map.of("adapter-type", "lsilogic"));
    }
  }

  @org.junit.jupiter.api.Test
  void aFlatVmdkIsNotWrittenOverItsOwnInput() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("flat-self"));
    Path in = dir.resolve("disk-flat.vmdk"); // a raw image that happens to have the extent's name
    Files.copy(src, in);
    byte[] before = TestDisks.sha256(in);
    Path out = dir.resolve("disk.vmdk");
    WriteOptions flat = DiskImages.options(DiskFormat.VMDK, "subformat=monolithicFlat", false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                DiskImages.convert(in, DiskFormat.RAW, out, flat, new WriteJob(2, 0, "disk.vmdk")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("same file");
    assertThat(TestDisks.sha256(in)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("disk-flat.vmdk");
    }
    // And a flat VMDK converted to another one does not replace the extent it reads.
    Path ok = dir.resolve("a.vmdk");
    DiskImages.convert(src, DiskFormat.RAW, ok, flat, new WriteJob(2, 0, "a.vmdk"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                DiskImages.convert(
                    ok,
                    null,
                    dir.resolve("a-flat.vmdk"),
                    new WriteOptions.Raw(),
                    new WriteJob(2, 0, "x")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("a file the input");
    TestDisks.assertSameBytes(src, dir.resolve("a-flat.vmdk"), SIZE);
  }
}
