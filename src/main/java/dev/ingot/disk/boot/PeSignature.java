package dev.ingot.disk.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Whether a PE/COFF image (an EFI application, or a Linux kernel with its EFI stub) carries an
 * Authenticode signature, read from its headers: the certificate table, data directory 4 of the
 * optional header, names a non-empty range inside the file. Secure Boot firmware, shim and GRUB
 * refuse images without one, so a disk step can say so before it builds a disk that cannot boot. It
 * does not verify the signature (the firmware does, against keys we do not hold). Pure.
 */
public final class PeSignature {
  /** How many leading bytes {@link #signed} needs: the DOS, COFF and optional headers. */
  public static final int HEADER_BYTES = 4096;

  private static final int PE32 = 0x10b;
  private static final int PE32_PLUS = 0x20b;
  private static final int CERTIFICATE_TABLE = 4;

  private PeSignature() {}

  /** The verdict on one image, with what is wrong in words when it is not signed. */
  public record Verdict(boolean signed, String reason) {}

  /**
   * {@code head} is the start of the file (up to {@link #HEADER_BYTES}), {@code size} its length.
   */
  public static Verdict check(byte[] head, long size) {
    ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    if (head.length < 0x40 || b.getShort(0) != 0x5a4d) { // "MZ"
      return new Verdict(false, "not a PE image (no MZ header)");
    }
    int pe = b.getInt(0x3c);
    if (pe < 0x40 || pe > head.length - 24 || b.getInt(pe) != 0x4550) { // "PE\0\0"
      return new Verdict(false, "not a PE image (no PE header)");
    }
    int optSize = Short.toUnsignedInt(b.getShort(pe + 20));
    int opt = pe + 24;
    if (optSize < 2 || opt + optSize > head.length) {
      return new Verdict(false, "truncated PE optional header");
    }
    int magic = Short.toUnsignedInt(b.getShort(opt));
    int countAt;
    int dirs;
    if (magic == PE32_PLUS) {
      countAt = opt + 108;
      dirs = opt + 112;
    } else if (magic == PE32) {
      countAt = opt + 92;
      dirs = opt + 96;
    } else {
      return new Verdict(false, "unknown PE optional header magic 0x" + Integer.toHexString(magic));
    }
    int entry = dirs + CERTIFICATE_TABLE * 8;
    if (entry + 8 > opt + optSize || b.getInt(countAt) <= CERTIFICATE_TABLE) {
      return new Verdict(false, "no certificate table (not signed)");
    }
    long offset = Integer.toUnsignedLong(b.getInt(entry));
    long length = Integer.toUnsignedLong(b.getInt(entry + 4));
    if (length == 0) {
      return new Verdict(false, "an empty certificate table (not signed)");
    }
    if (offset + length > size) {
      return new Verdict(false, "a certificate table past the end of the file");
    }
    return new Verdict(true, "signed");
  }
}
