package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random sparse disks and qemu-img as the reference, for the disk format tests. */
public final class TestDisks {
  private TestDisks() {}

  /**
   * A sparse raw image of {@code size} bytes with runs of random, repeated and text data at random
   * offsets (some at cluster edges, some unaligned), the same for the same seed.
   */
  public static Path randomSparse(Path file, long size, long seed, int runs) throws IOException {
    Random r = new Random(seed);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
      int[] lens = {1, 511, 512, 4096, 65535, 65536, 65537, 200_000, 1 << 20};
      for (int i = 0; i < runs; i++) {
        int n = lens[r.nextInt(lens.length)];
        long off = i % 5 == 0 ? (r.nextLong(size / 65536)) * 65536 : r.nextLong(size);
        n = (int) Math.min(n, size - off);
        byte[] b = new byte[n];
        switch (r.nextInt(3)) {
          case 0 -> r.nextBytes(b);
          case 1 -> Arrays.fill(b, (byte) (1 + r.nextInt(255)));
          default -> {
            byte[] t = ("line " + i + " of some compressible text\n").getBytes();
            for (int k = 0; k < n; k++) {
              b[k] = t[k % t.length];
            }
          }
        }
        f.seek(off);
        f.write(b);
      }
      // The last byte, so that the end of the disk is exercised.
      f.seek(size - 1);
      f.write(0x5a);
    }
    return file;
  }

  /** A sparse raw image of {@code size} bytes, all holes but {@code text} at {@code offset}. */
  public static Path sparseWith(Path file, long size, long offset, String text) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
      f.seek(offset);
      f.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /**
   * A 32 MiB qcow2 made by qemu-img and qemu-io, with data at 1-3 MiB (0x41) and 64 KiB at 20 MiB
   * (0x42), zeros between.
   */
  public static Path twoAreaQcow2(Path file) throws IOException {
    runOk("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "32M");
    runOk(
        "qemu-io",
        "-f",
        "qcow2",
        "-c",
        "write -P 0x41 1M 2M",
        "-c",
        "write -P 0x42 20M 64k",
        file.toString());
    return file;
  }

  public static ProcessRunner.Result run(String... cmd) throws IOException {
    return new LocalProcessRunner().run(List.of(cmd));
  }

  public static String runOk(String... cmd) throws IOException {
    ProcessRunner.Result r = run(cmd);
    assertThat(r.exitCode())
        .as(String.join(" ", cmd) + "\n" + String.join("\n", r.output()))
        .isZero();
    return String.join("\n", r.output());
  }

  public static JsonNode qemuInfo(Path p, String fmt) throws IOException {
    String out =
        fmt == null
            ? runOk("qemu-img", "info", "--output=json", p.toString())
            : runOk("qemu-img", "info", "-f", fmt, "--output=json", p.toString());
    int brace = out.indexOf('{');
    return new ObjectMapper().readTree(out.substring(brace));
  }

  /**
   * Converts {@code image} to raw with qemu-img ({@code theirs.raw}) and with Ingot ({@code
   * ours.raw}) in {@code dir}, asserts both are {@code size} bytes alike, and returns ours. The
   * files {@code image} names are followed wherever they lie, as qemu-img follows them.
   */
  public static Path assertReadsAsQemuImg(Path image, long size, Path dir) throws IOException {
    Path theirs = dir.resolve("theirs.raw");
    runOk("qemu-img", "convert", "-O", "raw", image.toString(), theirs.toString());
    Path ours = dir.resolve("ours.raw");
    DiskImages.convert(
        image,
        null,
        ours,
        new WriteOptions.Raw(),
        new WriteJob(2, 0, "ours.raw", WriteJob.Progress.NONE, false, LinkedFiles.ANYWHERE));
    assertThat(Files.size(ours)).isEqualTo(size);
    assertSameBytes(theirs, ours, size);
    return ours;
  }

  /**
   * Asserts that qemu-img finds {@code image} (in qemu-img's {@code format}) identical to a raw
   * one.
   */
  public static void assertIdenticalToRaw(Path raw, Path image, String format) throws IOException {
    assertThat(
            runOk(
                "qemu-img", "compare", "-f", "raw", "-F", format, raw.toString(), image.toString()))
        .contains("Images are identical");
  }

  /** Asserts two files have the same bytes, naming the first differing offset. */
  public static void assertSameBytes(Path a, Path b, long length) throws IOException {
    try (RandomAccessFile fa = new RandomAccessFile(a.toFile(), "r");
        RandomAccessFile fb = new RandomAccessFile(b.toFile(), "r")) {
      byte[] x = new byte[1 << 20];
      byte[] y = new byte[1 << 20];
      for (long off = 0; off < length; off += x.length) {
        int n = (int) Math.min(x.length, length - off);
        fa.seek(off);
        fb.seek(off);
        fa.readFully(x, 0, n);
        fb.readFully(y, 0, n);
        int m = Arrays.mismatch(x, 0, n, y, 0, n);
        assertThat(m).as("first differing byte at " + (off + m)).isEqualTo(-1);
      }
    }
  }

  public static byte[] sha256(Path p) throws IOException {
    try (var in = Files.newInputStream(p)) {
      return dev.ingot.fs.Digest.sha256(in).hex().getBytes();
    }
  }
}
