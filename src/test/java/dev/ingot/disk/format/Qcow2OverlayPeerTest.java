package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * qcow2 overlays written by Ingot ({@code convert -B}) from a whole new image and its base:
 * qemu-img checks them, finds them identical to the new image through the base, names the base and
 * its format, and maps only the clusters that changed as the overlay's own (changed data, and zero
 * flags where the new image has zeros over the base's data). A base shorter than the new image, a
 * base in raw and in qcow2, a base in another directory, compression, and our own reader are
 * covered; a missing base and an output that is the base are refused.
 */
@Tag("peer")
class Qcow2OverlayPeerTest {
  @TempDir Path tmp;

  private static final int CLUSTER = 65536;
  private static final long SIZE = 16L << 20;

  /** Changes of the new image against the base: clusters of new data and clusters zeroed. */
  private static final long[] CHANGED = {3, 40, 41, 200};

  private static final long[] ZEROED = {7, 8};

  private Path newImage(Path base, long size) throws Exception {
    Path img = tmp.resolve("new.raw");
    Files.copy(base, img);
    try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
      f.setLength(size);
      byte[] data = new byte[CLUSTER];
      for (long c : CHANGED) {
        java.util.Arrays.fill(data, (byte) (c + 1));
        data[(int) (c % CLUSTER)] = 0x7f; // differs from any fill of the base
        f.seek(c * CLUSTER);
        f.write(data);
      }
      byte[] zeros = new byte[CLUSTER];
      for (long c : ZEROED) {
        f.seek(c * CLUSTER);
        f.write(zeros);
      }
    }
    return img;
  }

  /** A base whose clusters 0-15 all hold data (so the zeroed ones are zeros over data). */
  private Path base(long size) throws Exception {
    Path raw = TestDisks.randomSparse(tmp.resolve("base.raw"), size, 11, 30);
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      byte[] b = new byte[16 * CLUSTER];
      new java.util.Random(3).nextBytes(b);
      f.seek(0);
      f.write(b);
    }
    return raw;
  }

  @ParameterizedTest(name = "base {0} of {1} MiB, compress {2}")
  @CsvSource({"qcow2, 16, false", "raw, 16, false", "qcow2, 8, false", "qcow2, 16, true"})
  void anOverlayHoldsOnlyWhatChangedAndReadsAsTheNewImage(
      String baseFormat, int baseMib, boolean compress) throws Exception {
    Path baseRaw = base((long) baseMib << 20);
    Path img = newImage(baseRaw, SIZE);
    Path bases = Files.createDirectories(tmp.resolve("bases"));
    Path base = bases.resolve("base." + baseFormat);
    DiskImages.convert(
        baseRaw,
        DiskFormat.RAW,
        base,
        DiskImages.options(DiskFormat.parse(baseFormat), "", false),
        new WriteJob(2, 0, base.getFileName().toString()));
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path delta = outDir.resolve("delta.qcow2");
    WriteOptions opts =
        DiskImages.withBacking(
            DiskImages.options(DiskFormat.QCOW2, "", compress),
            "../bases/" + base.getFileName(),
            null);
    DiskImages.convert(img, DiskFormat.RAW, delta, opts, new WriteJob(2, 0, "delta.qcow2"));

    TestDisks.runOk("qemu-img", "check", delta.toString());
    assertThat(
            TestDisks.runOk("qemu-img", "compare", "-f", "raw", img.toString(), delta.toString()))
        .contains("Images are identical.");
    JsonNode info = TestDisks.qemuInfo(delta, null);
    assertThat(info.path("backing-filename").asText()).isEqualTo("../bases/" + base.getFileName());
    assertThat(info.path("backing-filename-format").asText()).isEqualTo(baseFormat);
    assertThat(info.path("virtual-size").asLong()).isEqualTo(SIZE);

    // The overlay's own clusters (depth 0): the changed ones hold data, the zeroed ones are zero
    // flags; where the base is shorter, what the new image has past its end is the overlay's too.
    java.util.Set<Long> own = new java.util.TreeSet<>();
    java.util.Set<Long> zero = new java.util.TreeSet<>();
    for (JsonNode m :
        new ObjectMapper()
            .readTree(TestDisks.runOk("qemu-img", "map", "--output=json", delta.toString()))) {
      if (m.path("depth").asInt() != 0 || !m.path("present").asBoolean()) {
        continue;
      }
      for (long c = m.path("start").asLong() / CLUSTER;
          c < (m.path("start").asLong() + m.path("length").asLong()) / CLUSTER;
          c++) {
        (m.path("data").asBoolean() ? own : zero).add(c);
      }
    }
    java.util.Set<Long> expected = new java.util.TreeSet<>();
    for (long c : CHANGED) {
      expected.add(c);
    }
    long baseClusters = ((long) baseMib << 20) / CLUSTER;
    try (DiskReader r = DiskImages.open(img, DiskFormat.RAW)) {
      Extents data = r.allocated();
      for (long c = baseClusters; c < SIZE / CLUSTER; c++) {
        if (data.intersects(c * CLUSTER, (c + 1) * CLUSTER) && !isZero(img, c * CLUSTER)) {
          expected.add(c);
        }
      }
    }
    assertThat(own).isEqualTo(expected);
    assertThat(zero).containsExactly(ZEROED[0], ZEROED[1]);

    // Our reader follows the relative name too and gives the new image's bytes.
    TestDisks.assertReadsAsQemuImg(delta, SIZE, tmp);
    Path ours = tmp.resolve("ours.raw");
    TestDisks.assertSameBytes(img, ours, SIZE);
  }

  private static boolean isZero(Path f, long at) throws Exception {
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      byte[] b = new byte[CLUSTER];
      r.seek(at);
      r.readFully(b);
      for (byte x : b) {
        if (x != 0) {
          return false;
        }
      }
      return true;
    }
  }

  @org.junit.jupiter.api.Test
  void aMissingBaseOrAnOutputThatIsTheBaseIsRefusedAndWritesNothing() throws Exception {
    Path baseRaw = base(SIZE);
    Path img = newImage(baseRaw, SIZE);
    Path out = tmp.resolve("delta.qcow2");
    WriteOptions missing =
        DiskImages.withBacking(DiskImages.options(DiskFormat.QCOW2, "", false), "nope.qcow2", null);
    assertThatThrownBy(() -> DiskImages.convert(img, null, out, missing, new WriteJob(2, 0, "d")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("nope.qcow2 not found");
    assertThat(out).doesNotExist();
    WriteOptions self =
        DiskImages.withBacking(DiskImages.options(DiskFormat.QCOW2, "", false), "base.raw", "raw");
    assertThatThrownBy(
            () -> DiskImages.convert(img, null, baseRaw, self, new WriteJob(2, 0, "base.raw")))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("is a file its backing image reads");
    assertThat(TestDisks.qemuInfo(baseRaw, "raw").path("format").asText()).isEqualTo("raw");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("base.raw", "new.raw");
    }
    assertThatThrownBy(
            () ->
                DiskImages.withBacking(
                    DiskImages.options(DiskFormat.VMDK, "", false), "base.raw", null))
        .hasMessageContaining("needs -O qcow2");
    assertThatThrownBy(
            () ->
                DiskImages.withBacking(
                    DiskImages.options(DiskFormat.QCOW2, "backing_file=a.qcow2", false),
                    "b.qcow2",
                    null))
        .hasMessageContaining("give the backing file once");
  }
}
