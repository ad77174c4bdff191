package dev.ingot.publish;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.DiskFiles;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.FileSet;
import dev.ingot.artifact.Ova;
import dev.ingot.plugin.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What checksum and compress share: the artifact types that have files, and their paths. */
final class FileArtifacts {
  private FileArtifacts() {}

  static final Set<Class<? extends Artifact>> WITH_FILES =
      Set.of(FileSet.class, DiskImage.class, DiskFiles.class, Ova.class, ContainerImage.class);

  /** The artifact's files, absolute, each checked to exist. */
  static List<Path> files(Artifact a, StepContext ctx, String step) throws IOException {
    if (a.files().isEmpty()) {
      throw new IOException(step + ": the artifact (" + a.describe() + ") has no files");
    }
    List<Path> out = a.files().stream().map(f -> ctx.cwd().resolve(f).normalize()).toList();
    for (Path p : out) {
      if (!Files.exists(p)) {
        throw new IOException(step + ": artifact file " + p + " does not exist");
      }
    }
    return out;
  }

  /** Placeholders every output template knows. */
  static Map<String, String> names(StepContext ctx) {
    return Map.of("BuildName", ctx.sourceName(), "BuilderType", ctx.sourceType());
  }
}
