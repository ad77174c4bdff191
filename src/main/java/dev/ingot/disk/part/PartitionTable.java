package dev.ingot.disk.part;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A GPT or MBR partition table for a disk of {@code sectors} 512-byte sectors, encoded to the
 * sectors it occupies. GPT: protective MBR in LBA 0, primary header in LBA 1, 128 entries in LBA
 * 2-33, the backup entries before the backup header in the last LBA, both headers with their CRC32s
 * (UEFI specification, chapter 5). MBR: up to four primary partitions, the last one flagged
 * bootable. The boot code area of LBA 0 (bytes 0-439) is left zero for a boot loader. Immutable.
 */
public record PartitionTable(Scheme scheme, long sectors, UUID diskGuid, List<Partition> parts) {
  /** The two table kinds. */
  public enum Scheme {
    GPT,
    MBR
  }

  /** One sector range to write: {@code bytes} at byte {@code offset}. */
  public record Piece(long offset, byte[] bytes) {}

  static final int ENTRIES = 128;
  static final int ENTRY_SIZE = 128;

  /** First sector a partition may use: LBA 34 after the primary table, aligned up to 1 MiB. */
  public static final long FIRST_USABLE = 2048;

  public PartitionTable {
    parts = List.copyOf(parts);
    if (scheme == Scheme.MBR && parts.size() > 4) {
      throw new IllegalArgumentException("an MBR holds at most four primary partitions");
    }
    long maxLast = scheme == Scheme.GPT ? lastUsable(sectors) : Math.min(sectors - 1, 0xffffffffL);
    for (Partition p : parts) {
      if (p.firstLba() < 34 || p.lastLba() > maxLast) {
        throw new IllegalArgumentException(
            "partition " + p.number() + " lies outside the usable sectors 34.." + maxLast);
      }
    }
  }

  /** The last sector a GPT partition may use: before the backup entries and header. */
  public static long lastUsable(long sectors) {
    return sectors - 1 - 32 - 1;
  }

  /** The sectors to write, in ascending offset order. */
  public List<Piece> encode() {
    return scheme == Scheme.GPT ? gpt() : List.of(new Piece(0, mbr()));
  }

  /** Sector 0 with an MBR partition table (protective for GPT), boot code area zero. */
  private byte[] mbr() {
    ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    // Disk signature: derived from the disk GUID, as tools address MBR partitions by it.
    b.putInt(440, (int) diskGuid.getMostSignificantBits());
    if (scheme == Scheme.GPT) {
      mbrEntry(b, 0, false, 0xee, 1, Math.min(sectors - 1, 0xffffffffL));
    } else {
      for (int i = 0; i < parts.size(); i++) {
        Partition p = parts.get(i);
        mbrEntry(b, i, i == parts.size() - 1, p.type().mbrType(), p.firstLba(), p.sectors());
      }
    }
    b.put(510, (byte) 0x55).put(511, (byte) 0xaa);
    return b.array();
  }

  private static void mbrEntry(
      ByteBuffer b, int slot, boolean bootable, int type, long first, long count) {
    int at = 446 + slot * 16;
    b.put(at, (byte) (bootable ? 0x80 : 0));
    // CHS fields hold the "beyond 1024 cylinders" marker; every reader uses the LBA fields.
    b.put(at + 1, (byte) 0xfe).put(at + 2, (byte) 0xff).put(at + 3, (byte) 0xff);
    b.put(at + 4, (byte) type);
    b.put(at + 5, (byte) 0xfe).put(at + 6, (byte) 0xff).put(at + 7, (byte) 0xff);
    b.putInt(at + 8, (int) first).putInt(at + 12, (int) Math.min(count, 0xffffffffL));
  }

  public String mbrPartUuid(int number) {
    return String.format("%08x-%02d", (int) diskGuid.getMostSignificantBits(), number);
  }

  private List<Piece> gpt() {
    byte[] entries = new byte[ENTRIES * ENTRY_SIZE];
    ByteBuffer e = ByteBuffer.wrap(entries).order(ByteOrder.LITTLE_ENDIAN);
    for (Partition p : parts) {
      int at = (p.number() - 1) * ENTRY_SIZE;
      putGuid(e, at, p.type().guid());
      putGuid(e, at + 16, p.guid());
      e.putLong(at + 32, p.firstLba()).putLong(at + 40, p.lastLba()).putLong(at + 48, 0);
      byte[] name = p.name().getBytes(StandardCharsets.UTF_16LE);
      e.put(at + 56, name, 0, name.length);
    }
    CRC32 crc = new CRC32();
    crc.update(entries);
    int entriesCrc = (int) crc.getValue();
    long last = sectors - 1;
    long backupEntries = last - 32;
    List<Piece> out = new ArrayList<>();
    out.add(new Piece(0, mbr()));
    out.add(new Piece(512, header(1, last, 2, entriesCrc)));
    out.add(new Piece(1024, entries));
    out.add(new Piece(backupEntries * 512, entries));
    out.add(new Piece(last * 512, header(last, 1, backupEntries, entriesCrc)));
    return out;
  }

  private byte[] header(long my, long alternate, long entriesLba, int entriesCrc) {
    ByteBuffer h = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    h.put("EFI PART".getBytes(StandardCharsets.US_ASCII));
    h.putInt(0x00010000).putInt(92).putInt(0).putInt(0);
    h.putLong(my).putLong(alternate).putLong(34).putLong(lastUsable(sectors));
    putGuid(h, 56, diskGuid);
    h.putLong(72, entriesLba).putInt(80, ENTRIES).putInt(84, ENTRY_SIZE).putInt(88, entriesCrc);
    CRC32 crc = new CRC32();
    crc.update(h.array(), 0, 92);
    h.putInt(16, (int) crc.getValue());
    return h.array();
  }

  /** GUIDs are stored mixed-endian: the first three fields little-endian, the rest as written. */
  static void putGuid(ByteBuffer b, int at, UUID u) {
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    b.putInt(at, (int) (msb >>> 32));
    b.putShort(at + 4, (short) (msb >>> 16));
    b.putShort(at + 6, (short) msb);
    ByteBuffer.wrap(b.array(), b.arrayOffset() + at + 8, 8)
        .order(ByteOrder.BIG_ENDIAN)
        .putLong(lsb);
  }
}
