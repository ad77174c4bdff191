package dev.ingot.scan.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.ingot.artifact.InstalledPackage;
import java.util.TreeMap;

/**
 * Package URLs of installed packages: {@code
 * pkg:deb/debian/NAME@VERSION?arch=ARCH&distro=debian-12} with {@code upstream=SOURCE} when the
 * source package has another name, canonicalized by packageurl-java (qualifiers sorted, epoch colon
 * percent-encoded). Pure.
 */
public final class Purls {
  private Purls() {}

  public static String deb(InstalledPackage p, String vendor, String distro) {
    TreeMap<String, String> q = new TreeMap<>();
    if (p.architecture() != null && !p.architecture().isBlank()) {
      q.put("arch", p.architecture());
    }
    if (distro != null && !distro.isBlank()) {
      q.put("distro", distro);
    }
    if (!p.sourceName().equals(p.name())) {
      q.put("upstream", p.sourceName());
    }
    try {
      return new PackageURL(
              "deb", vendor.isBlank() ? "debian" : vendor, p.name(), p.version(), q, null)
          .canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException(
          "cannot make a package URL for " + p.name() + ": " + e.getMessage(), e);
    }
  }
}
