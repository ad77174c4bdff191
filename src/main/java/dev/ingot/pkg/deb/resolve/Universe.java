package dev.ingot.pkg.deb.resolve;

import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.DebVersion;
import dev.ingot.pkg.deb.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every installable package of one architecture, merged from several suites: versions of a name
 * sorted highest first (apt's default candidate is the highest), and an index of who provides each
 * virtual name. Packages of other architectures are left out; {@code all} is kept. The same version
 * in two suites is kept once, from the first suite given. Immutable after construction.
 */
public final class Universe {
  /** A package providing {@code name}, at {@code version} when the Provides is versioned. */
  public record Provider(BinaryPackage pkg, DebVersion version) {}

  private final String architecture;
  private final Map<String, List<BinaryPackage>> byName = new HashMap<>();
  private final Map<String, List<Provider>> providers = new HashMap<>();

  public Universe(String architecture, Collection<BinaryPackage> packages) {
    this.architecture = architecture;
    for (BinaryPackage p : packages) {
      if (!p.architecture().equals(architecture) && !p.architecture().equals("all")) {
        continue;
      }
      List<BinaryPackage> vs = byName.computeIfAbsent(p.name(), k -> new ArrayList<>());
      if (vs.stream().noneMatch(q -> q.version().equals(p.version()))) {
        vs.add(p);
      }
    }
    Comparator<BinaryPackage> highest = Comparator.comparing(BinaryPackage::version).reversed();
    for (List<BinaryPackage> vs : byName.values()) {
      vs.sort(highest);
    }
    for (List<BinaryPackage> vs : new TreeMap<>(byName).values()) {
      for (BinaryPackage p : vs) {
        for (Relation r : p.providedNames()) {
          DebVersion v = r.version() == null ? null : DebVersion.parse(r.version());
          providers.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(new Provider(p, v));
        }
      }
    }
  }

  public String architecture() {
    return architecture;
  }

  /** The versions of a real package, highest first (empty when none). */
  public List<BinaryPackage> versions(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The packages that provide {@code name}, in name order. */
  public List<Provider> providers(String name) {
    return providers.getOrDefault(name, List.of());
  }

  /** The candidate (highest version) of every real package name, sorted by name. */
  public List<BinaryPackage> candidates() {
    return new TreeMap<>(byName).values().stream().map(vs -> vs.get(0)).toList();
  }

  public boolean knows(String name) {
    return byName.containsKey(name) || providers.containsKey(name);
  }
}
