package dev.ingot.artifact;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A root filesystem: the file tree (contents in {@code blobs}) and the packages installed in it.
 * {@code variant} is how it was made (distroless, minbase, system, or image for one read from an
 * OCI image); {@code osRelease} is the ID-VERSION_ID pair from /etc/os-release when known (e.g.
 * "debian-12").
 */
public record RootFs(
    FileTree tree,
    BlobStore blobs,
    List<InstalledPackage> packages,
    String variant,
    String architecture,
    String osRelease)
    implements Artifact {
  public RootFs {
    packages = List.copyOf(packages);
  }

  @Override
  public String id() {
    return "rootfs:" + variant + ":" + packages.size() + "-packages";
  }

  @Override
  public List<Path> files() {
    return List.of();
  }

  @Override
  public String describe() {
    return "root filesystem ("
        + variant
        + ", "
        + packages.size()
        + " packages, "
        + tree.size()
        + " files)";
  }
}
