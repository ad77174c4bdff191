package dev.ingot.scan.inventory;

import dev.ingot.artifact.InstalledPackage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lists the packages of a {@link PackageSource}: reads /etc/os-release, asks every {@link
 * PackageDbReader} (dpkg now; an RPM reader is added to {@link #DEFAULT_READERS}), resolves
 * dependency names to installed packages, and merges in what the builder knows (repository, sha256,
 * suite). Stateless; thread-safe.
 */
public final class InventoryReader {
  public static final List<PackageDbReader> DEFAULT_READERS = List.of(new DpkgReader());

  private final List<PackageDbReader> readers;

  public InventoryReader() {
    this(DEFAULT_READERS);
  }

  public InventoryReader(List<PackageDbReader> readers) {
    this.readers = List.copyOf(readers);
  }

  public Inventory read(PackageSource source) throws IOException {
    RootView root = source.root();
    OsRelease os = osRelease(root);
    List<InstalledPackage> pkgs = new ArrayList<>();
    Map<String, List<List<String>>> depends = new HashMap<>();
    Map<String, List<String>> provides = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    Set<String> formats = new LinkedHashSet<>();
    for (PackageDbReader r : readers) {
      Optional<PackageDb> db = r.read(root);
      if (db.isPresent()) {
        formats.add(r.format());
        pkgs.addAll(db.get().packages());
        depends.putAll(db.get().depends());
        db.get().provides().forEach((k, v) -> provides.merge(k, v, InventoryReader::concat));
        warnings.addAll(db.get().warnings());
      }
    }
    pkgs = enrich(pkgs, source.known(), warnings);
    if (formats.isEmpty() && !pkgs.isEmpty()) {
      formats.add("deb");
    }
    if (pkgs.isEmpty()) {
      warnings.add("no package database found in " + root.describe());
    }
    return new Inventory(
        os, String.join("+", formats), pkgs, resolve(pkgs, depends, provides), warnings);
  }

  static OsRelease osRelease(RootView root) throws IOException {
    for (String p : List.of("etc/os-release", "usr/lib/os-release")) {
      Optional<String> t = root.readText(p);
      if (t.isPresent()) {
        return OsRelease.parse(t.get());
      }
    }
    return OsRelease.UNKNOWN;
  }

  /** Adds the builder's repository, sha256 and suite to matching packages. */
  private static List<InstalledPackage> enrich(
      List<InstalledPackage> found, List<InstalledPackage> known, List<String> warnings) {
    if (known.isEmpty()) {
      return found;
    }
    Map<String, InstalledPackage> byKey = new LinkedHashMap<>();
    for (InstalledPackage k : known) {
      byKey.put(k.name() + "=" + k.version(), k);
    }
    List<InstalledPackage> out = new ArrayList<>();
    for (InstalledPackage f : found) {
      InstalledPackage k = byKey.remove(f.name() + "=" + f.version());
      out.add(
          k == null
              ? f
              : new InstalledPackage(
                  f.name(),
                  f.version(),
                  f.architecture() != null ? f.architecture() : k.architecture(),
                  f.sourceName(),
                  f.sourceVersion(),
                  k.sha256(),
                  k.repository(),
                  k.suite()));
    }
    for (InstalledPackage k : byKey.values()) {
      warnings.add(
          "package "
              + k.name()
              + " "
              + k.version()
              + " was installed by the build but is not in the package database");
      out.add(k);
    }
    return out;
  }

  /** Picks, for each dependency clause, the first alternative that is installed or provided. */
  private static Map<String, List<String>> resolve(
      List<InstalledPackage> pkgs,
      Map<String, List<List<String>>> depends,
      Map<String, List<String>> provides) {
    Set<String> names = new HashSet<>();
    pkgs.forEach(p -> names.add(p.name()));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (InstalledPackage p : pkgs) {
      Set<String> deps = new LinkedHashSet<>();
      for (List<String> clause : depends.getOrDefault(p.name(), List.of())) {
        String pick = null;
        for (String alt : clause) {
          if (names.contains(alt)) {
            pick = alt;
            break;
          }
          List<String> prov = provides.getOrDefault(alt, List.of());
          if (!prov.isEmpty()) {
            pick = prov.get(0);
            break;
          }
        }
        if (pick != null && !pick.equals(p.name())) {
          deps.add(pick);
        }
      }
      out.put(p.name(), new ArrayList<>(deps));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> r = new ArrayList<>(a);
    r.addAll(b);
    return r;
  }
}
