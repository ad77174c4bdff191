package dev.ingot.scan.inventory;

import dev.ingot.artifact.InstalledPackage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packages installed in a root filesystem, as its package database says: the distribution
 * ({@code os}), the database format ("deb", later "rpm"), the packages sorted by name and
 * architecture, what each depends on ({@code dependsOn}: package name to the names of installed
 * packages it needs, alternatives resolved), and notes on anything that could not be read.
 * Immutable.
 */
public record Inventory(
    OsRelease os,
    String format,
    List<InstalledPackage> packages,
    Map<String, List<String>> dependsOn,
    List<String> warnings) {
  public Inventory {
    packages =
        packages.stream()
            .sorted(
                java.util.Comparator.comparing(InstalledPackage::name)
                    .thenComparing(p -> p.architecture() == null ? "" : p.architecture()))
            .toList();
    Map<String, List<String>> d = new TreeMap<>();
    dependsOn.forEach((k, v) -> d.put(k, List.copyOf(v)));
    dependsOn = java.util.Collections.unmodifiableMap(d);
    warnings = List.copyOf(warnings);
  }

  public static Inventory empty(OsRelease os) {
    return new Inventory(os, "", List.of(), Map.of(), List.of());
  }
}
