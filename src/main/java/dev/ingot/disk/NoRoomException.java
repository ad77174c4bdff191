package dev.ingot.disk;

/**
 * The files meant for a partition do not fit its filesystem. {@code argument} is the disk setting
 * to change ({@code size} for the root, {@code boot_partition_size} for a separate /boot) and
 * {@code suggested} a value of it, in bytes, that leaves room to grow.
 */
public final class NoRoomException extends DiskException {
  private final String argument;
  private final long suggested;

  public NoRoomException(String message, String argument, long suggested) {
    super(message);
    this.argument = argument;
    this.suggested = suggested;
  }

  public String argument() {
    return argument;
  }

  public long suggested() {
    return suggested;
  }
}
