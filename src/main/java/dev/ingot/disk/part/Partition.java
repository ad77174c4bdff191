package dev.ingot.disk.part;

import java.util.UUID;

/**
 * One partition: its 1-based {@code number}, kind, GPT name and unique GUID, and its extent in
 * 512-byte sectors, {@code firstLba} to {@code lastLba} inclusive. Immutable.
 */
public record Partition(
    int number, PartitionType type, String name, UUID guid, long firstLba, long lastLba) {
  public Partition {
    if (number < 1 || number > 128) {
      throw new IllegalArgumentException("partition number out of range: " + number);
    }
    if (firstLba < 1 || lastLba < firstLba) {
      throw new IllegalArgumentException("bad partition extent " + firstLba + ".." + lastLba);
    }
    if (name.length() > 36) {
      throw new IllegalArgumentException("GPT partition names have at most 36 characters: " + name);
    }
  }

  public long sectors() {
    return lastLba - firstLba + 1;
  }

  /** Byte offset of the partition on the disk. */
  public long offset() {
    return firstLba * 512;
  }

  /** Size in bytes. */
  public long size() {
    return sectors() * 512;
  }
}
