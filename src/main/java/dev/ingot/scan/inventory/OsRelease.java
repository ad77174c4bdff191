package dev.ingot.scan.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution of a root filesystem, from {@code /etc/os-release} (os-release(5)): {@code
 * ID=debian}, {@code VERSION_ID="12"}, {@code VERSION_CODENAME=bookworm}. Fields may be empty (an
 * image without os-release). Immutable.
 */
public record OsRelease(String id, String versionId, String codename, String prettyName) {
  public static final OsRelease UNKNOWN = new OsRelease("", "", "", "");

  public OsRelease {
    id = id == null ? "" : id;
    versionId = versionId == null ? "" : versionId;
    codename = codename == null ? "" : codename;
    prettyName = prettyName == null ? "" : prettyName;
  }

  /** Parses os-release text: KEY=value lines, values optionally quoted with shell escapes. */
  public static OsRelease parse(String text) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
        continue;
      }
      f.put(l.substring(0, eq), unquote(l.substring(eq + 1)));
    }
    return new OsRelease(
        f.get("ID"), f.get("VERSION_ID"), f.get("VERSION_CODENAME"), f.get("PRETTY_NAME"));
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    return v.replace("\\\"", "\"").replace("\\$", "$").replace("\\\\", "\\");
  }

  public boolean isKnown() {
    return !id.isEmpty();
  }

  /** "debian-12", as in {@link dev.ingot.artifact.RootFs#osRelease()}; empty when unknown. */
  public String shortName() {
    if (id.isEmpty()) {
      return "";
    }
    return versionId.isEmpty() ? id : id + "-" + versionId;
  }
}
