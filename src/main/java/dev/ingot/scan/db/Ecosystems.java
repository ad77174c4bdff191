package dev.ingot.scan.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OSV ecosystem names Ingot can match, and the mapping from a distribution release to them. Debian
 * releases are "Debian:&lt;major&gt;"; the tracker's codenames map to the same names. Pure.
 */
public final class Ecosystems {
  private static final Map<String, String> DEBIAN_CODENAMES =
      Map.of(
          "buster", "10",
          "bullseye", "11",
          "bookworm", "12",
          "trixie", "13",
          "forky", "14",
          "duke", "15");

  private Ecosystems() {}

  /** "Debian:12.4" → "Debian:12"; trims spaces; other names unchanged. */
  public static String normalize(String eco) {
    String e = eco.strip();
    if (e.startsWith("Debian:")) {
      String v = e.substring("Debian:".length());
      int dot = v.indexOf('.');
      return "Debian:" + (dot < 0 ? v : v.substring(0, dot));
    }
    return e;
  }

  /** Whether advisories of this ecosystem can be matched (and so are worth importing). */
  public static boolean supported(String eco) {
    String e = normalize(eco);
    if (e.equals("Debian")) {
      return true;
    }
    if (!e.startsWith("Debian:") || e.length() == "Debian:".length()) {
      return false;
    }
    return e.substring("Debian:".length()).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** "bookworm" → "Debian:12"; empty for releases Ingot does not know (sid, experimental). */
  public static Optional<String> debianCodename(String codename) {
    return Optional.ofNullable(DEBIAN_CODENAMES.get(codename)).map(v -> "Debian:" + v);
  }

  /**
   * The ecosystems to look up for a distribution from os-release ID, VERSION_ID and
   * VERSION_CODENAME (testing has no VERSION_ID): the release's own first, then the unversioned
   * family. Empty when the distribution is not supported.
   */
  public static List<String> forRelease(String id, String versionId, String codename) {
    if (id.equals("debian")) {
      if (versionId.isEmpty()) {
        return debianCodename(codename).map(e -> List.of(e, "Debian")).orElse(List.of("Debian"));
      }
      String major =
          versionId.contains(".") ? versionId.substring(0, versionId.indexOf('.')) : versionId;
      return List.of("Debian:" + major, "Debian");
    }
    return List.of();
  }
}
