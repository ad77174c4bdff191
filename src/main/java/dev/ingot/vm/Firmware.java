package dev.ingot.vm;

import java.nio.file.Path;

/** The firmware a VM boots with. Paths are Debian's (seabios, ovmf packages). */
public enum Firmware {
  /** SeaBIOS, QEMU's default BIOS. */
  BIOS(null),
  /** OVMF, UEFI for QEMU (the combined code+vars image, booting removable media paths). */
  UEFI(Path.of("/usr/share/ovmf/OVMF.fd"));

  private final Path image;

  Firmware(Path image) {
    this.image = image;
  }

  /** The firmware image to pass with -bios, or null for QEMU's built-in default. */
  public Path image() {
    return image;
  }
}
