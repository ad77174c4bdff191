package dev.ingot.scan.sbom;

import dev.ingot.scan.inventory.DebControl;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the licenses a Debian package declares in a machine-readable copyright file (DEP-5, {@code
 * Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/}): the short names of
 * the {@code License} fields of its Files paragraphs, mapped to SPDX identifiers where Debian's
 * names have one ("GPL-2+" is GPL-2.0-or-later, "Expat" is MIT). Files in another format declare
 * nothing we can trust, so they yield nothing. Pure.
 */
public final class Dep5 {
  private static final Map<String, String> SPDX =
      Map.ofEntries(
          Map.entry("gpl-1", "GPL-1.0-only"),
          Map.entry("gpl-1+", "GPL-1.0-or-later"),
          Map.entry("gpl-2", "GPL-2.0-only"),
          Map.entry("gpl-2+", "GPL-2.0-or-later"),
          Map.entry("gpl-3", "GPL-3.0-only"),
          Map.entry("gpl-3+", "GPL-3.0-or-later"),
          Map.entry("lgpl-2", "LGPL-2.0-only"),
          Map.entry("lgpl-2+", "LGPL-2.0-or-later"),
          Map.entry("lgpl-2.1", "LGPL-2.1-only"),
          Map.entry("lgpl-2.1+", "LGPL-2.1-or-later"),
          Map.entry("lgpl-3", "LGPL-3.0-only"),
          Map.entry("lgpl-3+", "LGPL-3.0-or-later"),
          Map.entry("agpl-3", "AGPL-3.0-only"),
          Map.entry("agpl-3+", "AGPL-3.0-or-later"),
          Map.entry("gfdl-1.2+", "GFDL-1.2-or-later"),
          Map.entry("gfdl-1.3+", "GFDL-1.3-or-later"),
          Map.entry("apache-2.0", "Apache-2.0"),
          Map.entry("artistic", "Artistic-1.0-Perl"),
          Map.entry("artistic-2.0", "Artistic-2.0"),
          Map.entry("bsd-2-clause", "BSD-2-Clause"),
          Map.entry("bsd-3-clause", "BSD-3-Clause"),
          Map.entry("bsd-4-clause", "BSD-4-Clause"),
          Map.entry("expat", "MIT"),
          Map.entry("mit", "MIT"),
          Map.entry("isc", "ISC"),
          Map.entry("zlib", "Zlib"),
          Map.entry("mpl-1.1", "MPL-1.1"),
          Map.entry("mpl-2.0", "MPL-2.0"),
          Map.entry("cc0-1.0", "CC0-1.0"),
          Map.entry("curl", "curl"),
          Map.entry("openssl", "OpenSSL"),
          Map.entry("psf-2", "PSF-2.0"),
          Map.entry("python-2.0", "Python-2.0"),
          Map.entry("ofl-1.1", "OFL-1.1"),
          Map.entry("x11", "X11"),
          Map.entry("bsl-1.0", "BSL-1.0"),
          Map.entry("unicode-dfs-2016", "Unicode-DFS-2016"),
          Map.entry("wtfpl", "WTFPL"),
          Map.entry("epl-1.0", "EPL-1.0"),
          Map.entry("epl-2.0", "EPL-2.0"));

  private Dep5() {}

  /** The declared licenses, each an SPDX expression or a Debian short name with no SPDX id. */
  public static List<DeclaredLicense> parse(String copyright) {
    List<Map<String, String>> stanzas = DebControl.parse(copyright);
    if (stanzas.isEmpty()) {
      return List.of();
    }
    String format = Optional.ofNullable(DebControl.field(stanzas.get(0), "Format")).orElse("");
    if (!format.contains("copyright-format") && !format.contains("dep5")) {
      return List.of();
    }
    Set<DeclaredLicense> out = new LinkedHashSet<>();
    for (Map<String, String> s : stanzas) {
      if (DebControl.field(s, "Files") == null) {
        continue; // stand-alone License paragraphs only give the text of a named license
      }
      String lic = DebControl.field(s, "License");
      if (lic == null || lic.isBlank()) {
        continue;
      }
      String shortName = lic.split("\n", 2)[0].strip();
      if (!shortName.isEmpty()) {
        out.add(map(shortName));
      }
    }
    return List.copyOf(out);
  }

  /** "GPL-2+ or Artistic" → SPDX "GPL-2.0-or-later OR Artistic-1.0-Perl" when every part maps. */
  static DeclaredLicense map(String shortName) {
    String[] ors = shortName.split("\\s+or\\s+");
    StringBuilder expr = new StringBuilder();
    for (String part : ors) {
      String[] ands = part.strip().split("\\s+and\\s+");
      StringBuilder conj = new StringBuilder();
      for (String a : ands) {
        String id = SPDX.get(a.strip().replaceAll("[,.]$", "").toLowerCase(Locale.ROOT));
        if (id == null) {
          return new DeclaredLicense(shortName, null);
        }
        conj.append(conj.isEmpty() ? "" : " AND ").append(id);
      }
      expr.append(expr.isEmpty() ? "" : " OR ")
          .append(ands.length > 1 && ors.length > 1 ? "(" + conj + ")" : conj);
    }
    return new DeclaredLicense(shortName, expr.toString());
  }

  /** A Debian short name and its SPDX expression (null when it has none). */
  public record DeclaredLicense(String debianName, String spdx) {
    public boolean isSpdx() {
      return spdx != null;
    }

    /** True for a single SPDX id (no operator), usable as a CycloneDX license id. */
    public boolean isSingleId() {
      return spdx != null && !spdx.contains(" ");
    }
  }
}
