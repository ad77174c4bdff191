package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second black-box review's images: loops through descriptors, entries QEMU reads otherwise,
 * descriptor lines that were skipped, damaged OVA tar headers, and formats guessed from a guest's
 * bytes. Each is refused naming the file, or read as qemu-img reads it.
 */
class HostileImagesTest {
  @TempDir Path tmp;

  private Path toRaw(Path in) throws Exception {
    Path out = tmp.resolve("out.raw");
    Files.deleteIfExists(out);
    DiskImages.convert(in, null, out, new WriteOptions.Raw(), new WriteJob(2, 0, "out.raw"));
    return out;
  }

  private Path qemuRaw(Path in) throws Exception {
    Path out = tmp.resolve("qemu.raw");
    TestDisks.runOk("qemu-img", "convert", "-O", "raw", in.toString(), out.toString());
    return out;
  }

  /**
   * A descriptor whose sparse extent is a delta whose parent is the descriptor: the chain limit did
   * not count extents, and the loop ended in StackOverflowError with 1,000 lines of trace.
   */
  @Test
  void aLoopThroughADescriptorEndsAtTheChainLimit() throws Exception {
    Path s = tmp.resolve("s.vmdk");
    TestDisks.runOk("qemu-img", "create", "-q", "-f", "vmdk", s.toString(), "1M");
    long at = Long.reverseBytes(Patch.readLongBe(s, 28)) * 512; // the embedded descriptor
    String delta =
        "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=12345678\n"
            + "createType=\"monolithicSparse\"\nparentFileNameHint=\"A.vmdk\"\n"
            + "RW 2048 SPARSE \"s.vmdk\"\n";
    Patch.bytes(s, at, java.util.Arrays.copyOf(delta.getBytes(StandardCharsets.US_ASCII), 1024));
    Path a = tmp.resolve("A.vmdk");
    Files.writeString(
        a,
        "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\n"
            + "createType=\"monolithicSparse\"\nRW 2048 SPARSE \"s.vmdk\"\n");
    assertThatThrownBy(() -> DiskImages.open(a, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("backing chain longer than 16 images (a loop?)");
  }

  /** A 1 MiB base of {@code fmt} made by qemu-img, all 0x41, and an empty qcow2 overlay on it. */
  private Path overlay(String fmt) throws Exception {
    Path base = tmp.resolve("base." + fmt);
    TestDisks.runOk("qemu-img", "create", "-q", "-f", fmt, base.toString(), "1M");
    TestDisks.runOk("qemu-io", "-f", fmt, "-c", "write -P 0x41 0 1M", base.toString());
    Path ov = tmp.resolve("ov.qcow2");
    TestDisks.runOk(
        "qemu-img",
        "create",
        "-q",
        "-f",
        "qcow2",
        "-b",
        base.getFileName().toString(),
        "-F",
        fmt,
        ov.toString());
    return ov;
  }

  /** An L2 entry of only the COPIED bit has no cluster: QEMU reads the backing file there. */
  @Test
  void anEntryWithoutAClusterReadsTheBackingFile() throws Exception {
    Path ov = overlay("raw");
    TestDisks.runOk("qemu-io", "-f", "qcow2", "-c", "write -P 0x42 0 64k", ov.toString());
    long l2 = Patch.readLongBe(ov, Patch.readLongBe(ov, 40)) & Qcow2Layout.OFFSET_MASK;
    Patch.longBe(ov, l2 + 8, Qcow2Layout.COPIED); // cluster 1: flag, no offset
    TestDisks.assertSameBytes(qemuRaw(ov), toRaw(ov), 1 << 20);
  }

  @Test
  void extentLinesAreReadOrRefusedNeverSkipped() throws Exception {
    Files.write(tmp.resolve("f1.raw"), new byte[16 * 512]);
    Path f2 = TestDisks.sparseWith(tmp.resolve("f2.raw"), 64 * 512, 100, "second extent");
    String head =
        "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
            + "createType=\"twoGbMaxExtentFlat\"\n";
    Path d = tmp.resolve("d.vmdk");
    // A trailing comment and tabs: the second extent was dropped, and the disk was 8 KiB short.
    Files.writeString(d, head + "RW 16 FLAT \"f1.raw\" 0\nRW\t64\tFLAT\t\"f2.raw\"\t0 # two\n");
    Path out = toRaw(d);
    assertThat(Files.size(out)).isEqualTo(80 * 512);
    TestDisks.assertSameBytes(qemuRaw(d), out, 80 * 512);
    assertThat(Files.readString(out)).contains("second extent");
    Files.writeString(d, head + "RW 16 FLAT \"f1.raw\" 0\nRW 64 FLAT \"f2.raw\" 0x0\n");
    assertThatThrownBy(() -> DiskImages.open(d, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(d + ": line 7 is an extent Ingot cannot read: 'RW 64 FLAT");
    assertThat(f2).exists();
    // A FLAT extent without its offset was read from 0; qemu-img refuses the line.
    Files.writeString(d, head + "RW 16 FLAT \"f1.raw\"\n");
    assertThatThrownBy(() -> DiskImages.open(d, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(d + ": FLAT extent f1.raw has no offset");
    Process q =
        new ProcessBuilder("qemu-img", "info", d.toString()).redirectErrorStream(true).start();
    q.getInputStream().readAllBytes();
    assertThat(q.waitFor()).isNotZero();
  }

  /** A ustar header with a valid checksum; {@code size} is the 12 bytes of the size field. */
  private static byte[] tarHeader(String name, byte[] size, char type) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, h, 0, n.length);
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    System.arraycopy(size, 0, h, 124, 12);
    put(h, 136, "00000000000\0");
    h[156] = (byte) type;
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    put(h, 148, "        ");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o\0 ", sum));
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private static byte[] octal(long n) {
    return String.format("%011o\0", n).getBytes(StandardCharsets.US_ASCII);
  }

  private Path ova(byte[]... blocks) throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    for (byte[] x : blocks) {
      b.write(x);
      b.write(new byte[(512 - x.length % 512) % 512]);
    }
    b.write(new byte[1024]);
    Path p = tmp.resolve("x.ova");
    Files.write(p, b.toByteArray());
    return p;
  }

  /**
   * A PAX size of -2048 moved the next header back onto the PAX header: the index looped for ever
   * (the first SIGTERM could not stop it). A base-256 size near 2^63 overflowed the end check and
   * gave "Negative position". Both are damaged tars, named.
   */
  @Test
  @Timeout(60)
  void damagedOvaTarSizesAreRefused() throws Exception {
    byte[] pax = "14 size=-2048\n".getBytes(StandardCharsets.US_ASCII);
    Path loop =
        ova(
            tarHeader("PaxHeaders/a.ovf", octal(pax.length), 'x'),
            pax,
            tarHeader("a.ovf", octal(0), '7'));
    assertThatThrownBy(() -> DiskImages.open(loop, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(loop + ": not a readable OVA")
        .hasMessageContaining("runs past the end of the file");
    byte[] huge = new byte[12];
    huge[0] = (byte) 0x80;
    System.arraycopy(
        java.nio.ByteBuffer.allocate(8).putLong(0x7fffffffffffff00L).array(), 0, huge, 4, 8);
    Path big = ova(tarHeader("a.ovf", huge, '0'), new byte[] {'x'});
    assertThatThrownBy(() -> DiskImages.open(big, null).close())
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining(big + ": not a readable OVA")
        .hasMessageContaining("runs past the end of the file");
  }

  /** A backing format padded with NULs ("qcow2\0\0\0") is read as QEMU reads it. */
  @Test
  void aBackingFormatPaddedWithNulsIsRead() throws Exception {
    Path ov = overlay("qcow2");
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(ov), 65536);
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head);
    int at = -1;
    for (int i = 72; i + 8 < head.length; i += 8) {
      if (h.getInt(i) == 0xE2792ACA) {
        at = i;
        break;
      }
    }
    assertThat(at).isPositive();
    assertThat(h.getInt(at + 4)).isEqualTo(5);
    Patch.bytes(ov, at + 4, new byte[] {0, 0, 0, 8}); // "qcow2" and its three padding NULs
    TestDisks.assertSameBytes(qemuRaw(ov), toRaw(ov), 1 << 20);
  }

  /** qcow2 sizes are whole sectors to QEMU: a 513-byte disk was written as 513 and read as 512. */
  @Test
  void anUnalignedSizeIsRoundedUpInQcow2() throws Exception {
    Path in = TestDisks.sparseWith(tmp.resolve("in.raw"), 513, 500, "tail byte!!!!");
    Path q = tmp.resolve("o.qcow2");
    DiskImages.convert(
        in,
        null,
        q,
        DiskImages.options(DiskFormat.QCOW2, "", false),
        new WriteJob(2, 0, "o.qcow2"));
    assertThat(TestDisks.qemuInfo(q, "qcow2").get("virtual-size").asLong()).isEqualTo(1024);
    TestDisks.assertSameBytes(in, qemuRaw(q), 513);
  }

  /**
   * A raw disk whose last sector (the guest's to write) holds a VHD footer copied from elsewhere
   * was read as that smaller VHD. A fixed VHD is recognised by its footer only when the footer's
   * checksum holds and its size is the rest of the file.
   */
  @Test
  void aGuestsLastSectorDoesNotMakeARawDiskAVhd() throws Exception {
    Path v = tmp.resolve("v.vhd");
    TestDisks.runOk(
        "qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed", v.toString(), "4096");
    byte[] all = Files.readAllBytes(v);
    byte[] footer = java.util.Arrays.copyOfRange(all, all.length - 512, all.length);
    Path disk = tmp.resolve("disk.raw");
    byte[] raw = new byte[(1 << 20) + 512];
    java.util.Arrays.fill(raw, 0, 1 << 20, (byte) 'A');
    System.arraycopy(footer, 0, raw, 1 << 20, 512);
    Files.write(disk, raw);
    assertThat(DiskImages.probe(disk)).isEqualTo(DiskFormat.RAW);
    assertThat(DiskImages.probe(v)).isEqualTo(DiskFormat.VHD); // a real fixed VHD still is one
  }

  @Test
  void corruptionQemuRefusesIsRefused() throws Exception {
    // The zero flag in a version 2 image: qemu-img calls it corrupt; the cluster became zeros.
    Path q = tmp.resolve("v2.qcow2");
    TestDisks.runOk(
        "qemu-img", "create", "-q", "-f", "qcow2", "-o", "compat=0.10", q.toString(), "1M");
    TestDisks.runOk("qemu-io", "-f", "qcow2", "-c", "write -P 0x41 0 64k", q.toString());
    long l2 = Patch.readLongBe(q, Patch.readLongBe(q, 40)) & Qcow2Layout.OFFSET_MASK;
    Patch.longBe(q, l2, Patch.readLongBe(q, l2) | 1);
    assertThatThrownBy(() -> toRaw(q))
        .isInstanceOf(DiskFormatException.class)
        .hasMessageContaining("cluster 0 has the zero flag, which version 2 images lack");
    // A dynamic VHD whose header checksum is wrong (qemu-img: "Incorrect header checksum").
    Path src = TestDisks.randomSparse(tmp.resolve("s.raw"), 4 << 20, 9, 5);
    Path vhd = tmp.resolve("d.vhd");
    DiskImages.convert(
        src,
        null,
        vhd,
        DiskImages.options(DiskFormat.VHD, "subformat=dynamic", false),
        new WriteJob(2, 0, "d.vhd"));
    long dyn = Patch.readLongBe(vhd, 16);
    Patch.bytes(vhd, dyn + 40, new byte[] {9}); // the parent's time stamp, under the checksum
    assertThatThrownBy(() -> DiskImages.open(vhd, null).close())
        .hasMessageContaining("VHD dynamic header checksum does not match");
    Patch.vhdChecksum(vhd, dyn, 1024, 36);
    DiskImages.open(vhd, null).close();
    // The footer and its copy at the start disagree: QEMU reads the copy, others the footer.
    Patch.longBe(vhd, 48, 2L << 20);
    Patch.vhdChecksum(vhd, 0, 512, 64);
    assertThatThrownBy(() -> DiskImages.open(vhd, null).close())
        .hasMessageContaining("and its copy at the start (size 2097152) disagree");
  }
}
