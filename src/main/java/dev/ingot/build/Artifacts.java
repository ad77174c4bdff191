package dev.ingot.build;

import dev.ingot.build.BuildResult.Produced;
import dev.ingot.build.ui.ArtifactInfo;
import java.nio.file.Path;

/** How result artifacts are shown: files relative to the working directory when inside it. */
final class Artifacts {
  private Artifacts() {}

  static ArtifactInfo info(Produced p, Path cwd) {
    Path c = cwd.toAbsolutePath().normalize();
    return new ArtifactInfo(
        p.producer(),
        p.artifact().id(),
        p.artifact().describe(),
        p.artifact().files().stream()
            .map(f -> c.resolve(f).normalize())
            .map(f -> f.startsWith(c) ? c.relativize(f).toString() : f.toString())
            .toList());
  }
}
