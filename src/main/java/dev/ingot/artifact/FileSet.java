package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * Plain files produced by a step (checksums, compressed files, reports, SBOMs), with the artifact
 * they were made from so a chain can go on past them.
 */
public record FileSet(List<Path> paths, Artifact from) implements Artifact {
  public FileSet {
    paths = List.copyOf(paths);
  }

  @Override
  public String id() {
    return paths.isEmpty() ? "" : paths.get(0).toString();
  }

  @Override
  public List<Path> files() {
    return paths;
  }

  @Override
  public String describe() {
    return paths.size() + " file(s): " + paths;
  }
}
