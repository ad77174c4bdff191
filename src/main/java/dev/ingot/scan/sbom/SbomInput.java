package dev.ingot.scan.sbom;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.RootView;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an SBOM describes: a subject (the image or root filesystem: name, version such as a digest,
 * kind "container" or "operating-system"), its inventory, the licenses each package declares, and
 * the creation time (SOURCE_DATE_EPOCH in a build, so the document is reproducible). Immutable.
 */
public record SbomInput(
    String name,
    String version,
    String kind,
    Inventory inventory,
    Map<String, List<Dep5.DeclaredLicense>> licenses,
    Instant created,
    String toolVersion) {
  public SbomInput {
    licenses = Map.copyOf(licenses);
    version = version == null ? "" : version;
  }

  /** Reads the declared licenses of every package from /usr/share/doc/NAME/copyright. */
  public static Map<String, List<Dep5.DeclaredLicense>> readLicenses(RootView root, Inventory inv)
      throws IOException {
    Map<String, List<Dep5.DeclaredLicense>> out = new LinkedHashMap<>();
    for (InstalledPackage p : inv.packages()) {
      Optional<String> text = root.readText("usr/share/doc/" + p.name() + "/copyright");
      text.map(Dep5::parse).filter(l -> !l.isEmpty()).ifPresent(l -> out.put(p.name(), l));
    }
    return out;
  }

  /** The distro qualifier of purls, e.g. "debian-12"; empty when unknown. */
  public String distro() {
    return inventory.os().shortName();
  }

  public String vendor() {
    return inventory.os().id().isEmpty() ? "debian" : inventory.os().id();
  }
}
