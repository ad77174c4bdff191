package dev.ingot.oci.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Typed reads from parsed JSON objects, with errors that name the field. Pure; thread-safe. */
final class JsonFields {
  private JsonFields() {}

  static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("field " + k + " must be a string");
    }
    return (String) v;
  }

  static String required(Map<String, Object> m, String k) {
    String v = str(m, k);
    if (v == null) {
      throw new IllegalArgumentException("field " + k + " is missing");
    }
    return v;
  }

  static long num(Map<String, Object> m, String k, long fallback) {
    Object v = m.get(k);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof BigDecimal d)) {
      throw new IllegalArgumentException("field " + k + " must be a number");
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) { // "Rounding necessary", "Overflow"
      throw new IllegalArgumentException(
          "field " + k + " must be a whole number of at most 19 digits, not " + shortText(d));
    }
  }

  private static String shortText(BigDecimal d) {
    String t = d.toString();
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v != null && !(v instanceof Map)) {
      throw new IllegalArgumentException("field " + k + " must be an object");
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("field " + k + " must be a list");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException("field " + k + " must hold objects");
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  static List<String> strings(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("field " + k + " must be a list of strings");
    }
    return l.stream().map(String::valueOf).toList();
  }

  static TreeMap<String, String> stringMap(Map<String, Object> m, String k) {
    Map<String, Object> o = obj(m, k);
    TreeMap<String, String> out = new TreeMap<>();
    if (o != null) {
      o.forEach((key, v) -> out.put(key, v == null ? "" : String.valueOf(v)));
    }
    return out;
  }

  /** The keys of an object used as a set ({"80/tcp": {}}), sorted. */
  static List<String> keySet(Map<String, Object> m, String k) {
    Map<String, Object> o = obj(m, k);
    return o == null ? List.of() : o.keySet().stream().sorted().toList();
  }

  /** A fresh insertion-ordered map, for writing fields in a fixed order. */
  static Map<String, Object> ordered() {
    return new LinkedHashMap<>();
  }

  static void putIf(Map<String, Object> m, String k, Object v) {
    if (v == null
        || (v instanceof Map<?, ?> mm && mm.isEmpty())
        || (v instanceof List<?> l && l.isEmpty())
        || (v instanceof String s && s.isEmpty())) {
      return;
    }
    m.put(k, v);
  }
}
