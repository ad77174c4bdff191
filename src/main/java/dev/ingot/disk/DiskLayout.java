package dev.ingot.disk;

import dev.ingot.disk.part.Partition;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.disk.part.PartitionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where everything goes on a disk: the partitions (1 MiB aligned; a 1 MiB BIOS boot partition on
 * GPT disks booted by BIOS, on MBR disks core.img lives in the gap before the first partition), and
 * the ids of disk, partitions and filesystems derived from the spec's seed. Pure; immutable.
 */
public record DiskLayout(
    PartitionTable table,
    Optional<Partition> biosBoot,
    Optional<Partition> esp,
    Optional<Partition> boot,
    Partition root,
    UUID rootFs,
    UUID bootFs) {
  private static final long MIB = 2048; // sectors

  public static DiskLayout plan(DiskSpec spec) {
    long sectors = spec.size() / 512;
    boolean gpt = spec.scheme() == PartitionTable.Scheme.GPT;
    long end = gpt ? PartitionTable.lastUsable(sectors) : sectors - 1;
    List<Partition> parts = new ArrayList<>();
    long next = PartitionTable.FIRST_USABLE;
    Partition bios = null;
    Partition esp = null;
    Partition boot = null;
    if (gpt && spec.boot().bios()) {
      bios = part(spec, parts, PartitionType.BIOS_BOOT, next, MIB);
      next += MIB;
    }
    if (spec.boot().uefi()) {
      esp = part(spec, parts, PartitionType.EFI_SYSTEM, next, spec.espSize() / 512);
      next += spec.espSize() / 512;
    }
    if (spec.bootSize() > 0) {
      boot = part(spec, parts, PartitionType.LINUX_BOOT, next, spec.bootSize() / 512);
      next += spec.bootSize() / 512;
    }
    // The root ends on a MiB boundary too, before the backup GPT.
    long rootEnd = ((end + 1) / MIB) * MIB - 1;
    Partition root = part(spec, parts, PartitionType.LINUX_ROOT_X86_64, next, rootEnd - next + 1);
    PartitionTable t =
        new PartitionTable(spec.scheme(), sectors, Uuids.derive(spec.seed(), "disk"), parts);
    return new DiskLayout(
        t,
        Optional.ofNullable(bios),
        Optional.ofNullable(esp),
        Optional.ofNullable(boot),
        root,
        Uuids.derive(spec.seed(), "fs-root"),
        Uuids.derive(spec.seed(), "fs-boot"));
  }

  private static Partition part(
      DiskSpec spec, List<Partition> parts, PartitionType type, long first, long count) {
    String name = type == PartitionType.LINUX_ROOT_X86_64 ? spec.rootLabel() : type.label();
    Partition p =
        new Partition(
            parts.size() + 1,
            type,
            name,
            Uuids.derive(spec.seed(), "part-" + type.name()),
            first,
            first + count - 1);
    parts.add(p);
    return p;
  }

  /** The sector where GRUB's core.img goes, and how many sectors it may use. */
  public long coreLba() {
    return biosBoot.map(Partition::firstLba).orElse(1L);
  }

  public long coreMaxSectors() {
    return biosBoot.map(Partition::sectors).orElse(PartitionTable.FIRST_USABLE - 1);
  }
}
