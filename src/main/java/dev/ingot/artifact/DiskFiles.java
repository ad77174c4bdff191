package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/** Disk images converted to deployable formats (qcow2, vmdk, vhd), beside the source disk. */
public record DiskFiles(List<Path> disks, DiskImage source) implements Artifact {
  public DiskFiles {
    disks = List.copyOf(disks);
  }

  @Override
  public String id() {
    return disks.isEmpty() ? "" : disks.get(0).toString();
  }

  @Override
  public List<Path> files() {
    return disks;
  }

  @Override
  public String describe() {
    return "disk files " + disks;
  }
}
