package dev.ingot.disk.part;

import java.util.UUID;

/** The partition kinds a bootable disk uses, with their GPT type GUID and MBR type byte. */
public enum PartitionType {
  /** Holds GRUB's core.img on a GPT disk booted by a BIOS; no filesystem. */
  BIOS_BOOT("21686148-6449-6e6f-744e-656564454649", 0, "BIOS boot"),
  /** The EFI system partition (FAT32) with the UEFI boot loader. */
  EFI_SYSTEM("c12a7328-f81f-11d2-ba4b-00a0c93ec93b", 0xef, "EFI System"),
  /** The root filesystem (the x86-64 root type of the Discoverable Partitions Specification). */
  LINUX_ROOT_X86_64("4f68bce3-e8cd-4db1-96e7-fbcaf984b709", 0x83, "root"),
  /** Extended boot loader partition, a separate /boot. */
  LINUX_BOOT("bc13c2ff-59e6-4262-a352-b275fd6f7172", 0x83, "boot");

  private final UUID guid;
  private final int mbrType;
  private final String label;

  PartitionType(String guid, int mbrType, String label) {
    this.guid = UUID.fromString(guid);
    this.mbrType = mbrType;
    this.label = label;
  }

  public UUID guid() {
    return guid;
  }

  /** The MBR partition type byte (0 when the kind has no MBR partition). */
  public int mbrType() {
    return mbrType;
  }

  /** The default GPT partition name. */
  public String label() {
    return label;
  }
}
