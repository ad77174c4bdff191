package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ingot.disk.format.TestDisks;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.plugin.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingot convert} onto and from a real block device (a loop device over a file filled with
 * 0xFF, so bytes the conversion did not write are told apart from zeros), as users write images to
 * disks with qemu-img and dd. Needs root and loop devices; skipped where losetup cannot attach one.
 */
class ConvertDevicePeerTest {
  private static final int DEVICE = 64 << 20;
  private static final int IMAGE = 32 << 20;

  @TempDir Path tmp;
  private Path backing;
  private Path device;

  @BeforeEach
  void attach() throws Exception {
    backing = tmp.resolve("device.img");
    byte[] ones = new byte[DEVICE];
    Arrays.fill(ones, (byte) 0xff);
    Files.write(backing, ones);
    Process p = new ProcessBuilder("losetup", "-f", "--show", backing.toString()).start();
    boolean done = p.waitFor(30, TimeUnit.SECONDS);
    String name = new String(p.getInputStream().readAllBytes()).trim();
    assumeTrue(done && p.exitValue() == 0 && name.startsWith("/dev/"), "losetup cannot attach");
    device = Path.of(name);
    // A qcow2 with two data areas and zeros between them, made by qemu-img and qemu-io.
    dev.ingot.disk.format.TestDisks.twoAreaQcow2(tmp.resolve("in.qcow2"));
    sh("qemu-img", "convert", "-O", "raw", "in.qcow2", "expected.raw");
  }

  @AfterEach
  void detach() throws Exception {
    if (device != null) {
      new ProcessBuilder("losetup", "-d", device.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void rawGoesOntoTheDeviceInPlaceWithItsZerosWritten() throws Exception {
    CliTestSupport.Run r = run("convert", "-O", "raw", "in.qcow2", device.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(SpecialFiles.isBlockDevice(device)).as("the node is still a device").isTrue();
    byte[] on = Files.readAllBytes(backing); // the loop device's file, flushed by convert
    assertThat(Arrays.copyOf(on, IMAGE)).isEqualTo(Files.readAllBytes(tmp.resolve("expected.raw")));
    assertThat(Arrays.copyOfRange(on, IMAGE, DEVICE)).as("past the image").containsOnly(0xff);
  }

  @Test
  void targetIsZeroLeavesTheZeroAreasAlone() throws Exception {
    CliTestSupport.Run r =
        run("convert", "-n", "--target-is-zero", "-O", "raw", "in.qcow2", device.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    byte[] on = Files.readAllBytes(backing);
    byte[] expected = Files.readAllBytes(tmp.resolve("expected.raw"));
    assertThat(Arrays.copyOfRange(on, 1 << 20, 3 << 20))
        .isEqualTo(Arrays.copyOfRange(expected, 1 << 20, 3 << 20));
    assertThat(Arrays.copyOfRange(on, 0, 1 << 20)).as("not written").containsOnly(0xff);
  }

  @Test
  void aDeviceIsReadLikeARawImage() throws Exception {
    sh("dd", "if=" + tmp.resolve("expected.raw"), "of=" + device, "bs=1M", "conv=fsync");
    CliTestSupport.Run r = run("convert", "-O", "qcow2", device.toString(), "back.qcow2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    sh("qemu-img", "compare", "-q", device.toString(), "back.qcow2");
    CliTestSupport.Run info = run("disk-info", device.toString());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("file format: raw").contains("virtual size: 64 MiB");
  }

  @Test
  void refusalsLeaveTheDeviceAsItWas() throws Exception {
    sh("qemu-img", "create", "-q", "-f", "raw", "big.raw", "128M");
    CliTestSupport.Run small = run("convert", "-O", "raw", "big.raw", device.toString());
    assertThat(small.exitCode()).isEqualTo(2);
    assertThat(small.err())
        .contains(device + " holds 67108864 bytes and the image needs 134217728");
    CliTestSupport.Run vhd = run("convert", "-O", "vpc", "in.qcow2", device.toString());
    assertThat(vhd.exitCode()).isEqualTo(2);
    assertThat(vhd.err())
        .contains("is a block device, and a VHD is read from its footer at the end of the file");
    CliTestSupport.Run stream = run("convert", "-O", "vmdk", "in.qcow2", device.toString());
    assertThat(stream.exitCode()).isEqualTo(2);
    assertThat(stream.err()).contains("use subformat=monolithicSparse");
    CliTestSupport.Run nq = run("convert", "-n", "-O", "qcow2", "in.qcow2", device.toString());
    assertThat(nq.exitCode()).isEqualTo(2);
    assertThat(nq.err()).contains("(drop -n)");
    CliTestSupport.Run n = run("convert", "-n", "-O", "raw", "in.qcow2", "file.raw");
    assertThat(n.exitCode()).isEqualTo(2);
    assertThat(n.err()).contains("-n writes into an existing image, and file.raw does not exist");
    assertThat(tmp.resolve("file.raw")).doesNotExist();
    assertThat(Files.readAllBytes(backing)).containsOnly(0xff);
    assertThat(SpecialFiles.isBlockDevice(device)).isTrue();
  }

  /** qcow2 and monolithicSparse VMDK onto a device, as onto an LVM volume with qemu-img. */
  @Test
  void aQcow2OrSparseVmdkGoesOntoTheDeviceAndReadsAsTheImage() throws Exception {
    for (String[] f :
        new String[][] {
          {"qcow2", "", "qcow2"},
          {"qcow2", "compress,compression_type=zstd", "qcow2"},
          {"vmdk", "subformat=monolithicSparse", "vmdk"}
        }) {
      fill(); // each format onto a device of 0xFF, not onto the last one's leftovers
      CliTestSupport.Run r =
          f[1].isEmpty()
              ? run("convert", "-O", f[0], "in.qcow2", device.toString())
              : run("convert", "-O", f[0], "-o", f[1], "in.qcow2", device.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      ProcessRunner.Result check =
          TestDisks.run("qemu-img", "check", "-f", f[2], device.toString());
      assertThat(String.join("\n", check.output()))
          .as(f[0])
          .contains("No errors were found on the image.");
      ProcessRunner.Result cmp =
          TestDisks.run(
              "qemu-img",
              "compare",
              "-f",
              "raw",
              "-F",
              f[2],
              tmp.resolve("expected.raw").toString(),
              device.toString());
      assertThat(String.join("\n", cmp.output())).as(f[0]).contains("Images are identical.");
      CliTestSupport.Run info = run("disk-info", device.toString());
      assertThat(info.out()).as(f[0]).contains("file format: " + f[0]);
      // The device past the image (its tables and data end well before 32 MiB) is its own.
      byte[] all = Files.readAllBytes(backing);
      assertThat(Arrays.copyOfRange(all, IMAGE, DEVICE)).as(f[0]).containsOnly(0xff);
    }
  }

  /** Fills the device's backing file with 0xFF again, through the device. */
  private void fill() throws Exception {
    byte[] ones = new byte[DEVICE];
    Arrays.fill(ones, (byte) 0xff);
    Files.write(device, ones);
  }

  @Test
  void aCharacterDeviceIsNeverReplaced() throws Exception {
    Path nul = tmp.resolve("null");
    sh("mknod", nul.toString(), "c", "1", "3"); // the same device as /dev/null
    CliTestSupport.Run r = run("convert", "-O", "raw", "in.qcow2", "null");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("is a character device, not a file");
    assertThat((Integer) Files.getAttribute(nul, "unix:mode") & 0170000).isEqualTo(0020000);
    CliTestSupport.Run in = run("convert", "-O", "qcow2", "null", "o.qcow2");
    assertThat(in.exitCode()).isEqualTo(2);
    assertThat(in.err())
        .contains("input image null: a character device: images are read from files and block");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("device.img", "in.qcow2", "expected.raw", "null");
    }
  }

  private CliTestSupport.Run run(String... args) throws Exception {
    return CliTestSupport.run(tmp, Map.of(), args);
  }

  private void sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }
}
