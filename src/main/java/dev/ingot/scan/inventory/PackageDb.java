package dev.ingot.scan.inventory;

import dev.ingot.artifact.InstalledPackage;
import java.util.List;
import java.util.Map;

/**
 * What one {@link PackageDbReader} found: packages, the raw dependency names each declares
 * (alternatives as lists, first preferred), names each provides, and warnings. Immutable.
 */
public record PackageDb(
    List<InstalledPackage> packages,
    Map<String, List<List<String>>> depends,
    Map<String, List<String>> provides,
    List<String> warnings) {
  public PackageDb {
    packages = List.copyOf(packages);
    depends = Map.copyOf(depends);
    provides = Map.copyOf(provides);
    warnings = List.copyOf(warnings);
  }
}
