package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/** The artifact of the {@code null} source: nothing, so only shell-local steps and files follow. */
public record NoArtifact() implements Artifact {
  @Override
  public String id() {
    return "";
  }

  @Override
  public List<Path> files() {
    return List.of();
  }

  @Override
  public String describe() {
    return "no artifact";
  }
}
