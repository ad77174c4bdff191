package dev.ingot.disk.format;

import java.util.Locale;

/** The disk image formats Ingot reads and writes. Names are qemu-img's (vhd is its "vpc"). */
public enum DiskFormat {
  RAW("raw", "raw", "img"),
  QCOW2("qcow2", "qcow2", "qcow2"),
  VMDK("vmdk", "vmdk", "vmdk"),
  VHD("vhd", "vpc", "vhd");

  private final String id;
  private final String qemuName;
  private final String extension;

  DiskFormat(String id, String qemuName, String extension) {
    this.id = id;
    this.qemuName = qemuName;
    this.extension = extension;
  }

  /** Parses a format name; accepts qemu-img's "vpc" for VHD. Throws with the known names. */
  public static DiskFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (DiskFormat f : values()) {
      if (f.id.equals(n) || f.qemuName.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown disk format '" + name + "' (known: raw, qcow2, vmdk, vhd)");
  }

  /** The name Ingot uses ("vhd"). */
  public String id() {
    return id;
  }

  /** The name qemu-img uses ("vpc" for VHD). */
  public String qemuName() {
    return qemuName;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }
}
