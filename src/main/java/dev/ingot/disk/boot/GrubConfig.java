package dev.ingot.disk.boot;

import java.util.List;
import java.util.UUID;

/**
 * The GRUB configuration of an Ingot disk: an early config embedded in the boot images that finds
 * the filesystem holding /boot/grub by UUID, and grub.cfg with one entry that boots the kernel with
 * the root by UUID and consoles on the screen and the first serial port. Pure.
 */
public record GrubConfig(
    UUID grubFs,
    String grubDir,
    UUID rootFs,
    String kernel,
    String initrd,
    List<String> kernelArgs,
    String title) {
  public GrubConfig {
    kernelArgs = List.copyOf(kernelArgs);
    for (String a : kernelArgs) {
      if (a.isBlank() || a.contains("\n") || a.contains("'")) {
        throw new IllegalArgumentException("bad kernel argument: '" + a + "'");
      }
    }
  }

  /** Consoles every image gets, so that serial-only clouds and hypervisors show the boot. */
  public static final List<String> CONSOLES = List.of("console=tty0", "console=ttyS0,115200");

  /** Embedded in core.img and BOOTX64.EFI: locate the grub directory, then normal mode loads it. */
  public String early() {
    return "search --no-floppy --fs-uuid --set=root "
        + grubFs
        + "\nset prefix=($root)"
        + grubDir
        + "\n";
  }

  /**
   * The grub.cfg a distribution's signed GRUB reads from the ESP (it has no config of ours built
   * in): find the grub directory as {@link #early} does, then load its grub.cfg.
   */
  public String espStub() {
    return early() + "configfile $prefix/grub.cfg\n";
  }

  public String grubCfg() {
    StringBuilder s = new StringBuilder();
    s.append("# Written by Ingot. The root filesystem is found by UUID, not by device name.\n");
    s.append("serial --unit=0 --speed=115200\n");
    s.append("terminal_input console serial\n");
    s.append("terminal_output console serial\n");
    s.append("set timeout=1\n");
    s.append("set default=0\n\n");
    s.append("menuentry '").append(title.replace("'", "")).append("' {\n");
    s.append("  search --no-floppy --fs-uuid --set=root ").append(grubFs).append('\n');
    s.append("  linux ").append(kernel).append(" root=UUID=").append(rootFs).append(" ro");
    for (String a : CONSOLES) {
      s.append(' ').append(a);
    }
    for (String a : kernelArgs) {
      s.append(' ').append(a);
    }
    s.append('\n');
    if (initrd != null) {
      s.append("  initrd ").append(initrd).append('\n');
    }
    s.append("}\n");
    return s.toString();
  }
}
