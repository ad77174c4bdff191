package dev.ingot.pkg.deb.lock;

import dev.ingot.pkg.deb.BinaryPackage;

/**
 * One pinned package of a lock: exactly which file to install. {@code filename} is the pool path
 * below the suite's mirror (the mirror itself is not pinned, so a lock works with any mirror of the
 * same archive); {@code size} in bytes. Immutable.
 */
public record LockedPackage(
    String name,
    String version,
    String architecture,
    String source,
    String sourceVersion,
    String suite,
    String filename,
    long size,
    String sha256) {
  public LockedPackage {
    if (name == null || version == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "locked package needs a name, a version and a sha256: " + name);
    }
    if (filename == null
        || filename.isBlank()
        || filename.startsWith("/")
        || filename.contains("..")) {
      throw new IllegalArgumentException(
          "locked package " + name + " has a bad filename: " + filename);
    }
  }

  public static LockedPackage of(BinaryPackage p) {
    return new LockedPackage(
        p.name(),
        p.version().toString(),
        p.architecture(),
        p.source(),
        p.sourceVersion(),
        p.suite(),
        p.filename(),
        p.size(),
        p.sha256());
  }
}
