package dev.ingot.artifact;

/**
 * A package installed in a root filesystem. {@code sourceName}/{@code sourceVersion} name the
 * source package (used for advisory matching); {@code sha256}, {@code repository} and {@code suite}
 * are known when Ingot installed the package itself and null when it was read from an image.
 */
public record InstalledPackage(
    String name,
    String version,
    String architecture,
    String sourceName,
    String sourceVersion,
    String sha256,
    String repository,
    String suite) {
  public InstalledPackage {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("a package needs a name and a version");
    }
    sourceName = sourceName == null || sourceName.isBlank() ? name : sourceName;
    sourceVersion = sourceVersion == null || sourceVersion.isBlank() ? version : sourceVersion;
  }
}
