package dev.ingot.disk.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans GRUB for a disk image without grub-install and without a loop device: {@code grub-mkimage}
 * makes core.img (BIOS) and BOOTX64.EFI (UEFI) with every module the boot needs built in, and the
 * BIOS boot sector is patched here as grub-bios-setup would: boot.img's code goes into the MBR with
 * the sector of core.img at 0x5c, and core.img's first sector (diskboot) gets the sector of its
 * second one in its block list. Pure apart from the commands it returns.
 */
public final class Grub {
  /** Where the host's GRUB platform files live (grub-pc-bin, grub-efi-amd64-bin). */
  public static final Path PC_DIR = Path.of("/usr/lib/grub/i386-pc");

  public static final Path EFI_DIR = Path.of("/usr/lib/grub/x86_64-efi");

  private static final List<String> COMMON =
      List.of(
          "part_gpt",
          "part_msdos",
          "ext2",
          "fat",
          "normal",
          "linux",
          "search",
          "search_fs_uuid",
          "search_label",
          "configfile",
          "echo",
          "test",
          "gzio",
          "serial",
          "terminal",
          "terminfo",
          "boot",
          "ls",
          "cat",
          "sleep");

  private static final int KERNEL_SECTOR = 0x5c;
  private static final int BOOT_CODE = 440;
  private static final int BLOCKLIST_START = 512 - 12;

  private Grub() {}

  /** grub-mkimage for BIOS: core.img with the early config embedded. */
  public static List<String> biosCoreCommand(Path out, Path earlyCfg) {
    List<String> cmd = new ArrayList<>(base("i386-pc", PC_DIR, out, earlyCfg));
    cmd.add("biosdisk");
    cmd.addAll(COMMON);
    return cmd;
  }

  /** grub-mkimage for UEFI: a removable-media BOOTX64.EFI with the early config embedded. */
  public static List<String> efiCommand(Path out, Path earlyCfg) {
    List<String> cmd = new ArrayList<>(base("x86_64-efi", EFI_DIR, out, earlyCfg));
    cmd.addAll(List.of("efi_gop", "efi_uga"));
    cmd.addAll(COMMON);
    return cmd;
  }

  private static List<String> base(String platform, Path dir, Path out, Path earlyCfg) {
    return List.of(
        "grub-mkimage",
        "-d",
        dir.toString(),
        "-O",
        platform,
        "-o",
        out.toString(),
        "-p",
        "/boot/grub",
        "-c",
        earlyCfg.toString());
  }

  /**
   * Sector 0 of the disk: boot.img's code (bytes 0-439) over {@code mbr}, which holds the partition
   * table, with the LBA of core.img written where boot.img reads it.
   */
  public static byte[] bootSector(byte[] bootImg, byte[] mbr, long coreLba) {
    if (bootImg.length != 512 || mbr.length != 512) {
      throw new IllegalArgumentException("boot.img and the MBR are one sector each");
    }
    byte[] out = mbr.clone();
    System.arraycopy(bootImg, 0, out, 0, BOOT_CODE);
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(KERNEL_SECTOR, coreLba);
    return out;
  }

  /**
   * core.img placed at {@code coreLba}: its first sector's block list is pointed at the sector that
   * follows, where the rest of it is written contiguously. grub-mkimage has already set the length.
   */
  public static byte[] placeCore(byte[] core, long coreLba) {
    if (core.length < 1024) {
      throw new IllegalArgumentException("core.img is too small (" + core.length + " bytes)");
    }
    byte[] out = core.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(BLOCKLIST_START, coreLba + 1);
    return out;
  }
}
