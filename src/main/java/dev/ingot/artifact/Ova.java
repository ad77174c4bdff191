package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/** An OVA (or an OVF directory when {@code ova} is a .ovf file) with its disk. */
public record Ova(Path ova, DiskImage source) implements Artifact {
  @Override
  public String id() {
    return ova.toString();
  }

  @Override
  public List<Path> files() {
    return List.of(ova);
  }

  @Override
  public String describe() {
    return "OVA " + ova;
  }
}
