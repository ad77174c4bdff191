package dev.ingot.disk;

import java.util.Locale;

/** Which firmware a disk boots with: BIOS (SeaBIOS), UEFI (OVMF), or both. */
public enum BootMode {
  BIOS,
  UEFI,
  HYBRID;

  public boolean bios() {
    return this != UEFI;
  }

  public boolean uefi() {
    return this != BIOS;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BootMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("boot must be bios, uefi or hybrid, not '" + s + "'");
    }
  }
}
