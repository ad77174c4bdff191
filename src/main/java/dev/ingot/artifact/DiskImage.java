package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * A bootable raw disk. {@code boot} is bios, uefi or hybrid; {@code secureBoot} when it boots UEFI
 * through a signed shim (so a VM made from it can turn Secure Boot on); {@code virtualSize} in
 * bytes. The root filesystem it holds is kept for later scan and sbom steps.
 */
public record DiskImage(Path raw, long virtualSize, String boot, boolean secureBoot, RootFs rootfs)
    implements Artifact {
  @Override
  public String id() {
    return raw.toString();
  }

  @Override
  public List<Path> files() {
    return List.of(raw);
  }

  @Override
  public String describe() {
    return "raw disk "
        + raw
        + " ("
        + virtualSize
        + " bytes, "
        + boot
        + (secureBoot ? ", Secure Boot" : "")
        + ")";
  }
}
