package dev.ingot.artifact;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A root filesystem: the file tree (contents in {@code blobs}) and the packages installed in it.
 * {@code variant} is how it was made (distroless, minbase, system, or image for one read from an
 * OCI image); {@code osRelease} is the ID-VERSION_ID pair from /etc/os-release when known (e.g.
 * "debian-12"). {@code base} is the image it was started from (null when built from packages);
 * container steps then write one layer with the difference over the base.
 */
public record RootFs(
    FileTree tree,
    BlobStore blobs,
    List<InstalledPackage> packages,
    String variant,
    String architecture,
    String osRelease,
    BaseImage base)
    implements Artifact {
  public RootFs {
    packages = List.copyOf(packages);
  }

  /** A root filesystem built from packages, with no base image. */
  public RootFs(
      FileTree tree,
      BlobStore blobs,
      List<InstalledPackage> packages,
      String variant,
      String architecture,
      String osRelease) {
    this(tree, blobs, packages, variant, architecture, osRelease, null);
  }

  public RootFs withTree(FileTree t) {
    return new RootFs(t, blobs, packages, variant, architecture, osRelease, base);
  }

  @Override
  public String id() {
    return "rootfs:" + variant + ":" + packages.size() + "-packages";
  }

  @Override
  public List<Path> files() {
    return List.of();
  }

  /**
   * "root filesystem (system, 212 packages, 9120 files)". The packages are those the builder
   * recorded; a tree read from an image has none recorded, and "0 packages" there read as a count
   * beside the scan's own ("0 packages" over "960 packages"), so it is left out.
   */
  @Override
  public String describe() {
    return "root filesystem ("
        + variant
        + ", "
        + (packages.isEmpty() ? "" : packages.size() + " packages, ")
        + tree.size()
        + " files)";
  }
}
