package dev.ingot.oci.model;

import java.util.Map;

/** An image platform, e.g. linux/amd64 or linux/arm64/v8. {@code variant} may be null. */
public record Platform(String os, String architecture, String variant) {
  public Platform {
    if (os == null || os.isBlank() || architecture == null || architecture.isBlank()) {
      throw new IllegalArgumentException("a platform needs an os and an architecture");
    }
    variant = variant == null || variant.isBlank() ? null : variant;
  }

  /** Parses "os/arch[/variant]". */
  public static Platform parse(String s) {
    String[] p = s.split("/");
    if (p.length < 2 || p.length > 3) {
      throw new IllegalArgumentException("platform must be os/arch[/variant]: " + s);
    }
    return new Platform(p[0], p[1], p.length == 3 ? p[2] : null);
  }

  /** Maps Debian architecture names to OCI ones (amd64, arm64, armhf → arm/v7, i386 → 386). */
  public static Platform linux(String debianArch) {
    return switch (debianArch) {
      case "armhf" -> new Platform("linux", "arm", "v7");
      case "armel" -> new Platform("linux", "arm", "v5");
      case "arm64" -> new Platform("linux", "arm64", "v8");
      case "i386" -> new Platform("linux", "386", null);
      case "ppc64el" -> new Platform("linux", "ppc64le", null);
      default -> new Platform("linux", debianArch, null);
    };
  }

  /** True when an index entry for {@code other} fits a request for this platform. */
  public boolean matches(Platform other) {
    return os.equals(other.os)
        && architecture.equals(other.architecture)
        && (variant == null || other.variant == null || variant.equals(other.variant));
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = JsonFields.ordered();
    m.put("architecture", architecture);
    m.put("os", os);
    JsonFields.putIf(m, "variant", variant);
    return m;
  }

  static Platform fromJson(Map<String, Object> m) {
    return m == null
        ? null
        : new Platform(
            JsonFields.required(m, "os"),
            JsonFields.required(m, "architecture"),
            JsonFields.str(m, "variant"));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
