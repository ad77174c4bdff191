package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.TestDisks;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingot convert -n -O raw IMG FILE} writes into an existing file in place, as qemu-img -n
 * does: the same bytes as qemu-img's, the file's bytes past the image kept, its holes kept where
 * the image is zero.
 */
@Tag("peer")
class ConvertInPlaceTest {
  private static final int IMAGE = 32 << 20;
  private static final int TRAILER = 1 << 20;

  @TempDir Path tmp;

  private CliTestSupport.Run run(String... args) {
    return CliTestSupport.run(tmp, Map.of(), args);
  }

  private static void sh(String... cmd) throws Exception {
    TestDisks.runOk(cmd);
  }

  /**
   * A target with old data (0xFF in its first 4 MiB and at 24 MiB), holes elsewhere, and a trailer
   * of 0xEE past the image's end.
   */
  private Path target(String name) throws Exception {
    Path t = tmp.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(t.toFile(), "rw")) {
      byte[] ff = new byte[4 << 20];
      Arrays.fill(ff, (byte) 0xff);
      f.write(ff);
      f.seek(24 << 20);
      f.write(ff, 0, 1 << 20);
      byte[] ee = new byte[TRAILER];
      Arrays.fill(ee, (byte) 0xee);
      f.seek(IMAGE);
      f.write(ee);
    }
    return t;
  }

  @BeforeEach
  void image() throws Exception {
    // Data at 1-3 MiB and at 20 MiB, zeros between, made by qemu-img and qemu-io.
    TestDisks.twoAreaQcow2(tmp.resolve("in.qcow2"));
  }

  @Test
  void theSameBytesAsQemuImgWithTheTrailerAndHolesKept() throws Exception {
    Path ours = target("ours.raw");
    Path theirs = target("theirs.raw");
    CliTestSupport.Run r = run("convert", "-n", "-O", "raw", "in.qcow2", "ours.raw");
    assertThat(r.exitCode()).as(r.err()).isZero();
    sh(
        "qemu-img",
        "convert",
        "-n",
        "-f",
        "qcow2",
        "-O",
        "raw",
        tmp.resolve("in.qcow2").toString(),
        theirs.toString());
    assertThat(Files.size(ours)).isEqualTo(IMAGE + TRAILER);
    assertThat(TestDisks.sha256(ours)).isEqualTo(TestDisks.sha256(theirs));
    byte[] all = Files.readAllBytes(ours);
    assertThat(Arrays.copyOfRange(all, IMAGE, IMAGE + TRAILER)).containsOnly(0xee);
    assertThat(all[(1 << 20) + 5]).isEqualTo((byte) 0x41);
    assertThat(all[0]).as("old data under the image's zeros is zeroed").isZero();
    assertThat(all[(24 << 20) + 5]).isZero();
    // Allocated: the image's 2 MiB + 64 KiB, the zeroed 4 + 1 MiB, the trailer; the holes the
    // target had where the image is zero are not filled in.
    long allocated =
        Long.parseLong(TestDisks.runOk("stat", "-c", "%b", ours.toString()).strip()) * 512;
    assertThat(allocated).isLessThanOrEqualTo((4L + 1 + 2 + 1 + 1) << 20);
  }

  @Test
  void refusalsLeaveTheTargetAsItWas() throws Exception {
    Path t = target("t.raw");
    byte[] before = TestDisks.sha256(t);
    try (RandomAccessFile f = new RandomAccessFile(t.toFile(), "rw")) {
      f.setLength(16 << 20);
    }
    byte[] shortened = TestDisks.sha256(t);
    CliTestSupport.Run small = run("convert", "-n", "-O", "raw", "in.qcow2", "t.raw");
    assertThat(small.exitCode()).isEqualTo(2);
    assertThat(small.err()).contains("holds 16777216 bytes and the image needs 33554432");
    assertThat(TestDisks.sha256(t)).isEqualTo(shortened).isNotEqualTo(before);
    CliTestSupport.Run qcow = run("convert", "-n", "-O", "qcow2", "in.qcow2", "t.raw");
    assertThat(qcow.exitCode()).isEqualTo(2);
    assertThat(qcow.err()).contains("-n: Ingot writes raw images in place").contains("drop -n");
    CliTestSupport.Run zero = run("convert", "--target-is-zero", "-O", "raw", "in.qcow2", "t.raw");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--target-is-zero is for writing in place");
    assertThat(TestDisks.sha256(t)).isEqualTo(shortened);
    Files.createDirectory(tmp.resolve("dir"));
    CliTestSupport.Run dir = run("convert", "-n", "-O", "raw", "in.qcow2", "dir");
    assertThat(dir.exitCode()).isEqualTo(2);
    assertThat(dir.err()).contains("is not a file or device");
  }

  @Test
  void withTargetIsZeroTheOldDataUnderZerosStays() throws Exception {
    Path t = target("t.raw");
    CliTestSupport.Run r =
        run("convert", "-n", "--target-is-zero", "-O", "raw", "in.qcow2", "t.raw");
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] all = Files.readAllBytes(t);
    assertThat(all[0]).isEqualTo((byte) 0xff);
    assertThat(all[(1 << 20) + 5]).isEqualTo((byte) 0x41);
  }
}
