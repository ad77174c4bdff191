package dev.ingot.pkg.deb.resolve;

import dev.ingot.pkg.deb.BinaryPackage;
import java.util.List;
import java.util.Map;

/**
 * The result of resolution: the packages to install, sorted by name, and for each the reason it was
 * chosen ("requested", "Essential", or "parent (dependency)"). Immutable.
 */
public record Resolution(List<BinaryPackage> packages, Map<String, String> reasons) {
  public Resolution {
    packages = List.copyOf(packages);
    reasons = Map.copyOf(reasons);
  }
}
