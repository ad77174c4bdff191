package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads our streamOptimized VMDK front to back as a stream consumer (ovftool, Content Library)
 * does, never seeking: header, descriptor, grains in ascending LBA order, grain tables, the grain
 * directory, footer and end-of-stream marker, with nothing after it and no zero padding before the
 * footer.
 */
class VmdkStreamTest {
  @TempDir Path tmp;

  @Test
  void aStreamConsumerReadsItFrontToBack() throws Exception {
    long size = (40L << 20) + 3 * 512;
    Path src = TestDisks.randomSparse(tmp.resolve("s.raw"), size, 7, 80);
    Path out = tmp.resolve("s.vmdk");
    DiskImages.convert(
        src,
        null,
        out,
        DiskImages.options(DiskFormat.VMDK, "", false),
        new WriteJob(2, 0, "s.vmdk"));
    byte[] rebuilt = new byte[(int) size];
    long lastLba = -1;
    int grains = 0;
    int gts = 0;
    try (InputStream raw = Files.newInputStream(out);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      ByteBuffer header = le(in, 512);
      VmdkHeader h = VmdkHeader.decode(header);
      assertThat(h.version()).isEqualTo(3);
      assertThat(h.flags()).isEqualTo(0x30001);
      assertThat(h.gdOffset()).isEqualTo(VmdkHeader.GD_AT_END);
      long sector = 1;
      String descriptor = new String(le(in, 512 * (int) h.descriptorSize()).array()).trim();
      assertThat(descriptor).contains("createType=\"streamOptimized\"").contains("ddb.adapterType");
      sector += h.descriptorSize();
      in.skipNBytes((h.overHead() - sector) * 512);
      sector = h.overHead();
      boolean sawZeroBeforeFooter = false;
      while (true) {
        ByteBuffer m = le(in, 512);
        long val = m.getLong(0);
        int len = m.getInt(8);
        sector++;
        if (len != 0) { // a grain marker
          assertThat(val).as("grains in ascending LBA order").isGreaterThan(lastLba);
          lastLba = val;
          int total = (int) Blocks.alignUp(12 + len, 512);
          byte[] rest = new byte[total - 512];
          in.readFully(rest);
          byte[] all = new byte[total];
          m.get(0, all, 0, 512);
          System.arraycopy(rest, 0, all, 512, rest.length);
          Inflater inf = new Inflater();
          inf.setInput(all, 12, len);
          byte[] grain = new byte[65536];
          assertThat(inf.inflate(grain)).isEqualTo(65536);
          inf.end();
          int n = (int) Math.min(65536, size - val * 512);
          System.arraycopy(grain, 0, rebuilt, (int) (val * 512), n);
          sector += rest.length / 512;
          grains++;
          continue;
        }
        int type = m.getInt(12);
        if (type == VmdkHeader.MARKER_EOS && val == 0) {
          break;
        }
        if (type == VmdkHeader.MARKER_EOS) {
          sawZeroBeforeFooter = true;
        }
        if (type == VmdkHeader.MARKER_GT) {
          gts++;
        }
        if (type == VmdkHeader.MARKER_FOOTER) {
          VmdkHeader footer = VmdkHeader.decode(le(in, 512));
          assertThat(footer.gdOffset()).isGreaterThan(0).isLessThan(sector + 1);
          sector++;
          continue;
        }
        assertThat(type).isIn(VmdkHeader.MARKER_GT, VmdkHeader.MARKER_GD);
        in.skipNBytes(val * 512);
        sector += val;
      }
      assertThat(sawZeroBeforeFooter).isFalse();
      assertThat(in.read()).as("nothing after the end-of-stream marker").isEqualTo(-1);
    }
    assertThat(grains).isGreaterThan(20);
    assertThat(gts).isGreaterThan(0);
    byte[] expect = Files.readAllBytes(src);
    assertThat(rebuilt).isEqualTo(expect);
    // The last three sectors are footer marker, footer, end-of-stream marker.
    try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
      f.seek(f.length() - 1536);
      byte[] tail = new byte[1536];
      f.readFully(tail);
      ByteBuffer t = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(t.getInt(12)).isEqualTo(VmdkHeader.MARKER_FOOTER);
      assertThat(t.getInt(512)).isEqualTo(VmdkHeader.MAGIC);
      assertThat(java.util.Arrays.copyOfRange(tail, 1024, 1536)).containsOnly(0);
      // The sector before the footer marker is the grain directory, not padding.
      f.seek(f.length() - 2048);
      byte[] before = new byte[512];
      f.readFully(before);
      assertThat(before).as("no zero padding before the footer").isNotEqualTo(new byte[512]);
    }
  }

  private static ByteBuffer le(DataInputStream in, int n) throws Exception {
    byte[] b = new byte[n];
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new AssertionError("stream ended early", e);
    }
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }
}
