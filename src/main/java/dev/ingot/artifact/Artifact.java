package dev.ingot.artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build step produces and the next one consumes. A closed set: post-processors declare the
 * types they accept, and a mismatch is found at validate time.
 */
public sealed interface Artifact
    permits NoArtifact, RootFs, ContainerImage, PushedImage, DiskImage, DiskFiles, Ova, FileSet {

  /** A short identifier for the manifest's {@code artifact_id}, e.g. a digest or a path. */
  String id();

  /** Files on disk that make up the artifact (listed in packer-manifest.json). */
  List<Path> files();

  /** A one-line human description, for the end-of-build summary. */
  String describe();
}
