package dev.ingot.vm;

import java.nio.file.Path;
import java.util.List;

/** The firmware a VM boots with. Paths are Debian's (seabios, ovmf packages). */
public enum Firmware {
  /** SeaBIOS, QEMU's default BIOS. */
  BIOS,
  /** OVMF, UEFI for QEMU (the combined code+vars image, booting removable media paths). */
  UEFI,
  /**
   * OVMF built with Secure Boot, its variables holding Microsoft's keys with Secure Boot on (as a
   * cloud or vSphere VM with Secure Boot has them): it starts only signed loaders. Needs the q35
   * machine with SMM, which guards the variables; the variables are a snapshot, never written.
   */
  UEFI_SECURE;

  static final Path OVMF = Path.of("/usr/share/ovmf/OVMF.fd");
  static final Path SECURE_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd");
  static final Path MS_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.ms.fd");

  /** The files this firmware needs on the host. */
  public List<Path> files() {
    return switch (this) {
      case BIOS -> List.of();
      case UEFI -> List.of(OVMF);
      case UEFI_SECURE -> List.of(SECURE_CODE, MS_VARS);
    };
  }

  /** QEMU's machine type for it. */
  String machine() {
    return this == UEFI_SECURE ? "q35,smm=on" : "pc";
  }

  /** The QEMU arguments that load it. */
  List<String> qemuArgs() {
    return switch (this) {
      case BIOS -> List.of();
      case UEFI -> List.of("-bios", OVMF.toString());
      case UEFI_SECURE ->
          List.of(
              "-global",
              "driver=cfi.pflash01,property=secure,value=on",
              "-drive",
              "if=pflash,format=raw,unit=0,readonly=on,file=" + SECURE_CODE,
              "-drive",
              "if=pflash,format=raw,unit=1,snapshot=on,file=" + MS_VARS);
    };
  }
}
