package dev.ingot.disk;

import dev.ingot.disk.part.PartitionTable;
import java.util.List;

/**
 * What disk to assemble. Sizes in bytes: {@code size} of the whole disk, {@code espSize} of the EFI
 * system partition, {@code bootSize} of a separate /boot (0: none). {@code seed} makes the disk,
 * partition and filesystem ids (same seed, same ids); {@code epoch} is SOURCE_DATE_EPOCH in
 * seconds. {@code secureBoot} boots UEFI through the distribution's signed shim and GRUB (see
 * {@link SignedBoot}). Immutable.
 */
public record DiskSpec(
    long size,
    PartitionTable.Scheme scheme,
    BootMode boot,
    boolean secureBoot,
    String filesystem,
    String rootLabel,
    long espSize,
    long bootSize,
    List<String> kernelArgs,
    String seed,
    long epoch) {
  public static final long DEFAULT_ESP = 64L << 20;

  /** The smallest disk with these partitions: a root filesystem needs 64 MiB. */
  public static long smallest(BootMode boot, long espSize, long bootSize) {
    return (64L << 20) + (boot.uefi() ? espSize : 0) + bootSize;
  }

  public DiskSpec {
    kernelArgs = List.copyOf(kernelArgs);
    if (!filesystem.equals("ext4")) {
      throw new IllegalArgumentException("filesystem must be ext4, not '" + filesystem + "'");
    }
    if (size % 512 != 0 || espSize % (1 << 20) != 0 || bootSize % (1 << 20) != 0) {
      throw new IllegalArgumentException("disk and partition sizes must be whole MiB");
    }
    if (secureBoot && !boot.uefi()) {
      throw new IllegalArgumentException("secure boot is UEFI's: it needs boot uefi or hybrid");
    }
    if (boot.uefi() && espSize < (33L << 20)) {
      throw new IllegalArgumentException("the EFI system partition needs at least 33 MiB");
    }
    if (size < smallest(boot, espSize, bootSize)) {
      throw new IllegalArgumentException(
          "a disk of " + size + " bytes is too small for its partitions and a root filesystem");
    }
  }

  /** The same disk with {@code bytes} as its size. */
  public DiskSpec withSize(long bytes) {
    return with(bytes, bootSize, kernelArgs);
  }

  /** The same disk with a separate /boot of {@code bytes}. */
  public DiskSpec withBootSize(long bytes) {
    return with(size, bytes, kernelArgs);
  }

  /** The same disk booting with {@code args}. */
  public DiskSpec withKernelArgs(List<String> args) {
    return with(size, bootSize, args);
  }

  private DiskSpec with(long newSize, long newBootSize, List<String> args) {
    return new DiskSpec(
        newSize,
        scheme,
        boot,
        secureBoot,
        filesystem,
        rootLabel,
        espSize,
        newBootSize,
        args,
        seed,
        epoch);
  }
}
