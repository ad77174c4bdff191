package dev.ingot.build.ui;

import dev.ingot.build.plan.Masker;
import java.util.List;

/**
 * An artifact as the UI shows it: {@code producer} is the type of the step that made it (Packer's
 * builder-id), {@code id} the artifact id, {@code description} the one-line summary, {@code files}
 * its files. Immutable.
 */
public record ArtifactInfo(String producer, String id, String description, List<String> files) {
  public ArtifactInfo {
    files = List.copyOf(files);
  }

  ArtifactInfo masked(Masker m) {
    return new ArtifactInfo(
        producer, m.mask(id), m.mask(description), files.stream().map(m::mask).toList());
  }
}
