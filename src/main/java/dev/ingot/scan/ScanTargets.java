package dev.ingot.scan;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.DiskFiles;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.FileSet;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.artifact.Ova;
import dev.ingot.artifact.PushedImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What scan and sbom share as post-processors: the artifacts they take (anything that still knows
 * its root filesystem), where they find that root filesystem, and how they hand the artifact on:
 * unchanged, except that a container image lists the written files among its outputs so the
 * manifest names them. Neither publishes, so the engine runs them before publishing steps.
 */
interface ScanTargets extends PostProcessorPlugin {
  Set<Class<? extends Artifact>> ACCEPTS =
      Set.of(
          RootFs.class,
          ContainerImage.class,
          PushedImage.class,
          DiskImage.class,
          DiskFiles.class,
          Ova.class,
          FileSet.class);

  @Override
  default Set<Class<? extends Artifact>> accepts() {
    return ACCEPTS;
  }

  @Override
  default Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return input;
  }

  @Override
  default boolean keepsInputArtifact() {
    return true;
  }

  /** The root filesystem an artifact was made from, if it still knows it. */
  static Optional<RootFs> rootfs(Artifact a) {
    return switch (a) {
      case RootFs r -> Optional.of(r);
      case ContainerImage c -> Optional.ofNullable(c.rootfs());
      case PushedImage p -> p.image() == null ? Optional.empty() : rootfs(p.image());
      case DiskImage d -> Optional.ofNullable(d.rootfs());
      case DiskFiles d -> d.source() == null ? Optional.empty() : rootfs(d.source());
      case Ova o -> o.source() == null ? Optional.empty() : rootfs(o.source());
      case FileSet f -> f.from() == null ? Optional.empty() : rootfs(f.from());
      case NoArtifact n -> Optional.empty();
    };
  }

  /** The artifact to pass on after writing {@code files} beside it. */
  static Artifact handOn(Artifact in, List<Path> files) {
    if (in instanceof ContainerImage c) {
      List<Path> outs = new ArrayList<>(c.outputs());
      files.stream().filter(f -> !outs.contains(f)).forEach(outs::add);
      return new ContainerImage(c.layout(), c.manifestDigest(), c.platform(), outs, c.rootfs());
    }
    return in;
  }
}
