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
    Map<String, String> cur = new LinkedHashMap<>();
    String last = null;
    for (String line : text.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new LinkedHashMap<>();
        }
        last = null;
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
        cur.merge(last, "\n" + line.substring(1), String::concat);
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a field; dpkg would refuse the file, a scanner reads what it can
      }
      last = line.substring(0, colon);
      cur.put(last, line.substring(colon + 1).strip());
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
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
