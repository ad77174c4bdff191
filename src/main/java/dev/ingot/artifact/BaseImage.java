package dev.ingot.artifact;

import dev.ingot.fs.FileTree;
import java.nio.file.Path;
import java.util.List;

/**
 * The image a root filesystem was started from (source {@code oci}): the reference it was opened
 * by, its manifest digest ("sha256:…"), the directory of the blob store that holds its manifest,
 * config and layers, its flattened tree, so that a container step can add one layer holding only
 * the difference, and the Dockerfile-style {@code changes} lines (ENV, CMD, …) the source was given
 * for the image config. Immutable.
 */
public record BaseImage(
    String reference, String manifestDigest, Path blobStore, FileTree tree, List<String> changes) {
  public BaseImage {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
