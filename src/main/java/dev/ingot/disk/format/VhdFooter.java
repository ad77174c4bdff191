package dev.ingot.disk.format;

import java.nio.ByteBuffer;

/**
 * The 512-byte VHD footer (Microsoft Virtual Hard Disk Image Format Specification): cookie
 * "conectix", sizes, CHS geometry, disk type and a one's-complement checksum. Big-endian. Pure.
 */
final class VhdFooter {
  static final int TYPE_FIXED = 2;
  static final int TYPE_DYNAMIC = 3;

  /** Seconds from the Unix epoch to 2000-01-01T00:00:00Z, VHD's epoch. */
  static final long VHD_EPOCH = 946_684_800L;

  /** Where the checksum lies in the footer. */
  static final int CHECKSUM_AT = 64;

  private VhdFooter() {}

  /**
   * The disk's size as QEMU reads it: Virtual PC and old QEMU ("vpc ", "qemu") size a disk by its
   * CHS geometry and may leave a larger current size; every other creator (Hyper-V, Disk2vhd,
   * XenServer, QEMU's "qem2", Ingot's "win ") by the current-size field. Geometry at its maximum
   * cannot say the size, so the field counts then too.
   */
  static long diskSize(ByteBuffer footer) {
    String creator =
        new String(
            footer.array(),
            footer.arrayOffset() + 28,
            4,
            java.nio.charset.StandardCharsets.US_ASCII);
    long cylinders = footer.getShort(56) & 0xffff;
    long heads = footer.get(58) & 0xff;
    long sectors = footer.get(59) & 0xff;
    boolean chs = creator.equals("vpc ") || creator.equals("qemu");
    if (chs && !(cylinders == 65535 && heads == 16 && sectors == 255)) {
      return cylinders * heads * sectors * 512;
    }
    return footer.getLong(48);
  }

  /**
   * Encodes a footer. {@code dataOffset} is the dynamic header's offset, or -1 for a fixed disk.
   * The creator application is "win ", the Hyper-V convention that tells readers (QEMU among them)
   * to take the disk size from the size field rather than from the CHS geometry, which cannot
   * express every size.
   */
  static byte[] encode(long size, int type, long dataOffset, long epochSeconds, byte[] uniqueId) {
    ByteBuffer b = ByteBuffer.allocate(512);
    b.put("conectix".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.putInt(2); // features: reserved bit always set
    b.putInt(0x00010000); // format version 1.0
    b.putLong(dataOffset);
    b.putInt((int) Math.max(0, epochSeconds - VHD_EPOCH));
    b.put("win ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.putInt(0x000a0000); // creator version 10.0
    b.put("Wi2k".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.putLong(size).putLong(size);
    b.putInt(geometry(size));
    b.putInt(type);
    int checksumAt = b.position();
    b.putInt(0);
    b.put(uniqueId, 0, 16);
    b.put((byte) 0); // saved state
    b.putInt(checksumAt, checksum(b.array()));
    return b.array();
  }

  /**
   * Whether the checksum stored at {@code field} of a VHD structure (the footer, or the dynamic
   * header) matches its bytes.
   */
  static boolean checksumHolds(byte[] structure, int field) {
    return checksum(withoutChecksum(structure, field))
        == java.nio.ByteBuffer.wrap(structure).getInt(field);
  }

  /** The sum {@link #checksumHolds} compares with the stored checksum. */
  static int expectedChecksum(byte[] structure, int field) {
    return checksum(withoutChecksum(structure, field));
  }

  private static byte[] withoutChecksum(byte[] structure, int field) {
    byte[] b = structure.clone();
    java.util.Arrays.fill(b, field, field + 4, (byte) 0);
    return b;
  }

  /** One's complement of the byte sum, with the checksum field counted as zero. */
  static int checksum(byte[] sector) {
    int sum = 0;
    for (byte x : sector) {
      sum += x & 0xff;
    }
    return ~sum;
  }

  /** The CHS geometry packed as cylinders(16) heads(8) sectors(8), per the specification. */
  static int geometry(long size) {
    long total = Math.min(size / 512, 65535L * 16 * 255);
    long spt;
    long heads;
    long cth;
    if (total >= 65535L * 16 * 63) {
      spt = 255;
      heads = 16;
      cth = total / spt;
    } else {
      spt = 17;
      cth = total / spt;
      heads = Math.max(4, (cth + 1023) / 1024);
      if (cth >= heads * 1024 || heads > 16) {
        spt = 31;
        heads = 16;
        cth = total / spt;
      }
      if (cth >= heads * 1024) {
        spt = 63;
        heads = 16;
        cth = total / spt;
      }
    }
    long cyl = cth / heads;
    return (int) ((cyl << 16) | (heads << 8) | spt);
  }
}
