package dev.ingot.pkg.deb.lock;

import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The resolved package set of a debian source: {@code inputs} is the digest of what was resolved
 * (packages, variant, suites, components, architecture, recommends), so a lock that no longer fits
 * its template is noticed; packages are sorted by name. Written as deb822 text ({@code
 * ingot.lock}), one paragraph per package, byte-stable for the same content. Immutable.
 */
public record Lock(
    String inputs, String architecture, String variant, List<LockedPackage> packages) {
  public static final String HEADER =
      "# Written by `ingot lock`. Builds install exactly these files.\n";

  public Lock {
    packages = packages.stream().sorted(Comparator.comparing(LockedPackage::name)).toList();
  }

  public String toText() {
    StringBuilder b = new StringBuilder(HEADER);
    b.append("Lock-Version: 1\nInputs: ")
        .append(inputs)
        .append("\nArchitecture: ")
        .append(architecture)
        .append("\nVariant: ")
        .append(variant)
        .append('\n');
    for (LockedPackage p : packages) {
      b.append("\nPackage: ")
          .append(p.name())
          .append("\nVersion: ")
          .append(p.version())
          .append("\nArchitecture: ")
          .append(p.architecture())
          .append("\nSource: ")
          .append(p.source())
          .append("\nSource-Version: ")
          .append(p.sourceVersion())
          .append("\nSuite: ")
          .append(p.suite())
          .append("\nFilename: ")
          .append(p.filename())
          .append("\nSize: ")
          .append(p.size())
          .append("\nSHA256: ")
          .append(p.sha256())
          .append('\n');
    }
    return b.toString();
  }

  /** Parses lock text; {@code name} names the file in errors. */
  public static Lock parse(String text, String name) {
    List<Paragraph> ps;
    try {
      ps = Deb822.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": not a lock file: " + e.getMessage(), e);
    }
    if (ps.isEmpty() || !ps.get(0).get("Lock-Version", "").equals("1")) {
      throw new IllegalArgumentException(
          name + ": not an Ingot lock file (Lock-Version 1 expected)");
    }
    Paragraph h = ps.get(0);
    List<LockedPackage> pkgs = new ArrayList<>();
    for (Paragraph p : ps.subList(1, ps.size())) {
      try {
        pkgs.add(
            new LockedPackage(
                p.require("Package"),
                p.require("Version"),
                p.require("Architecture"),
                p.get("Source", p.require("Package")),
                p.get("Source-Version", p.require("Version")),
                p.require("Suite"),
                p.require("Filename"),
                Long.parseLong(p.require("Size")),
                p.require("SHA256")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
    return new Lock(h.require("Inputs"), h.require("Architecture"), h.require("Variant"), pkgs);
  }
}
