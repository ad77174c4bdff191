package dev.ingot.scan.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Debian control-file syntax (deb822: stanzas of "Field: value" separated by blank lines,
 * continuation lines starting with a space or tab), as used by dpkg's status file. Field names are
 * case-insensitive and are returned as first written. Pure; thread-safe.
 */
public final class DebControl {
  private DebControl() {}

  /** The stanzas of {@code text}, each a map from field name to (unfolded) value. */
  public static List<Map<String, String>> parse(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    // Values are built in place: joining each continuation line onto a string was quadratic (a
    // 2 MB status file with one long Description took 15 s and 1.9 GB).
    Map<String, StringBuilder> cur = new LinkedHashMap<>();
    StringBuilder last = null;
    for (String line : text.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        if (!cur.isEmpty()) {
          out.add(done(cur));
          cur = new LinkedHashMap<>();
        }
        last = null;
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        last.append('\n').append(line, 1, line.length());
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a field; dpkg would refuse the file, a scanner reads what it can
      }
      last = new StringBuilder(line.substring(colon + 1).strip());
      cur.put(line.substring(0, colon), last);
    }
    if (!cur.isEmpty()) {
      out.add(done(cur));
    }
    return out;
  }

  private static Map<String, String> done(Map<String, StringBuilder> stanza) {
    Map<String, String> m = new LinkedHashMap<>();
    stanza.forEach((k, v) -> m.put(k, v.toString()));
    return m;
  }

  /** The value of {@code field} (case-insensitive) or null. */
  public static String field(Map<String, String> stanza, String field) {
    String v = stanza.get(field);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, String> e : stanza.entrySet()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return null;
  }
}
