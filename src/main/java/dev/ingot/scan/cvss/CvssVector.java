package dev.ingot.scan.cvss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed CVSS vector string such as {@code CVSS:3.1/AV:N/AC:L/...}: the version and the metric
 * values in written order. Parsing checks the syntax only (each metric once); the calculators check
 * names and values. Immutable.
 */
public record CvssVector(String version, Map<String, String> metrics, String text) {
  public CvssVector {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Parses a vector; throws {@link CvssException} saying what is wrong. */
  public static CvssVector parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CvssException("empty CVSS vector");
    }
    String s = text.strip();
    String[] parts = s.split("/");
    if (!parts[0].startsWith("CVSS:")) {
      throw new CvssException("CVSS vector does not start with CVSS:<version>: " + s);
    }
    String version = parts[0].substring(5);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      if (colon <= 0 || colon == parts[i].length() - 1) {
        throw new CvssException("malformed metric '" + parts[i] + "' in " + s);
      }
      String k = parts[i].substring(0, colon);
      if (m.put(k, parts[i].substring(colon + 1)) != null) {
        throw new CvssException("metric " + k + " given twice in " + s);
      }
    }
    return new CvssVector(version, m, s);
  }

  /** The value of {@code metric}, or {@code fallback} when absent. */
  public String get(String metric, String fallback) {
    return metrics.getOrDefault(metric, fallback);
  }

  /** Throws unless every metric in {@code required} is present with one of its allowed values. */
  void require(Map<String, Set<String>> allowed, Set<String> required) {
    for (String r : required) {
      if (!metrics.containsKey(r)) {
        throw new CvssException("CVSS " + version + " vector lacks base metric " + r + ": " + text);
      }
    }
    metrics.forEach(
        (k, v) -> {
          Set<String> ok = allowed.get(k);
          if (ok == null) {
            throw new CvssException("unknown CVSS " + version + " metric " + k + " in " + text);
          }
          if (!ok.contains(v)) {
            throw new CvssException("bad value " + k + ":" + v + " in " + text);
          }
        });
  }
}
