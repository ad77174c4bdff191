package dev.ingot.pkg.deb.rootfs;

import java.util.Locale;

/**
 * How a root filesystem is made. {@code DISTROLESS}: the packages' files only, no maintainer
 * scripts, the configuration they would have written generated in Java. {@code MINBASE}: the
 * Essential and Priority: required set plus the packages, a full dpkg database and maintainer
 * scripts run in a chroot (needs root). {@code SYSTEM}: as minbase, prepared to boot as a VM
 * (hostname, hosts, machine-id left for first boot).
 */
public enum Variant {
  DISTROLESS,
  MINBASE,
  SYSTEM;

  public static Variant parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown variant '" + s + "': use distroless, minbase or system", e);
    }
  }

  public boolean runsScripts() {
    return this != DISTROLESS;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
