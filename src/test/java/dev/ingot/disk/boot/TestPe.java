package dev.ingot.disk.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Made-up PE images for tests of the signature check and of Secure Boot disks. */
public final class TestPe {
  private TestPe() {}

  /**
   * A PE header (4 KiB) with {@code magic} and the certificate table at {@code (offset, length)}.
   */
  public static byte[] header(int magic, int dirCount, long offset, long length) {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(0, (short) 0x5a4d).putInt(0x3c, 0x80).putInt(0x80, 0x4550);
    int opt = 0x80 + 24;
    boolean plus = magic == 0x20b;
    b.putShort(0x80 + 20, (short) ((plus ? 112 : 96) + 16 * 8));
    b.putShort(opt, (short) magic);
    b.putInt(opt + (plus ? 108 : 92), dirCount);
    int entry = opt + (plus ? 112 : 96) + 4 * 8;
    b.putInt(entry, (int) offset).putInt(entry + 4, (int) length);
    return b.array();
  }

  /**
   * A whole PE32+ file of 16 KiB, signed or not (its last 1 KiB is the "certificate table"), with
   * {@code text} after the header, NUL-terminated on both sides.
   */
  public static byte[] image(boolean signed, String text) {
    byte[] out = new byte[16384];
    System.arraycopy(header(0x20b, 16, 15360, signed ? 1024 : 0), 0, out, 0, 4096);
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(t, 0, out, 4097, t.length);
    return out;
  }
}
