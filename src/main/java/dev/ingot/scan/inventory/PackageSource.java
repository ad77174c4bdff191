package dev.ingot.scan.inventory;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import java.nio.file.Path;
import java.util.List;

/**
 * Something whose packages can be listed: a {@link RootFs} Ingot built, a directory on disk, and
 * (when the image reader lands) an OCI layout, an archive or a registry reference, each of which
 * only has to offer a {@link RootView}. {@link #known} are packages the builder itself installed,
 * with repository, sha256 and suite, which enrich what the package database says.
 */
public interface PackageSource {
  RootView root();

  /** Packages recorded by the builder; empty for anything read from outside. */
  default List<InstalledPackage> known() {
    return List.of();
  }

  /** What is scanned, for reports: "directory /srv/root", "rootfs (system, 212 packages)". */
  default String describe() {
    return root().describe();
  }

  static PackageSource of(RootFs rootfs) {
    RootView view = new TreeRootView(rootfs.tree(), rootfs.blobs(), rootfs.describe());
    return new PackageSource() {
      @Override
      public RootView root() {
        return view;
      }

      @Override
      public List<InstalledPackage> known() {
        return rootfs.packages();
      }
    };
  }

  static PackageSource of(Path directory) {
    RootView view = new DirRootView(directory);
    return () -> view;
  }

  static PackageSource of(RootView view) {
    return () -> view;
  }
}
