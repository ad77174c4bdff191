package dev.ingot.plugin;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.diag.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's evaluated, schema-checked arguments. Values are plain Java: String, BigDecimal,
 * Boolean, List&lt;Object&gt;, Map&lt;String, Object&gt; (objects and nested blocks), or null.
 * Defaults from the schema are already applied. {@code ranges} gives where each argument was
 * written, so a plugin can report a bad value at run time with a place ({@link #error}). Immutable.
 */
public record Config(Map<String, Object> values, Map<String, Range> ranges, Range block) {
  public Config {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    ranges = Map.copyOf(ranges);
  }

  public static Config of(Map<String, Object> values) {
    return new Config(values, Map.of(), null);
  }

  public boolean has(String name) {
    return values.get(name) != null;
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name)).map(Object::toString);
  }

  public String string(String name, String fallback) {
    return string(name).orElse(fallback);
  }

  public Optional<Boolean> bool(String name) {
    return Optional.ofNullable((Boolean) values.get(name));
  }

  public boolean bool(String name, boolean fallback) {
    return bool(name).orElse(fallback);
  }

  /** A number; other {@link Number}s and numeric strings (as in hand-made configs) convert. */
  public Optional<BigDecimal> number(String name) {
    return Optional.ofNullable(values.get(name))
        .map(v -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString().strip()));
  }

  /** A whole number; a fraction or one beyond a long is an error at the argument. */
  public long longValue(String name, long fallback) {
    Optional<BigDecimal> n = number(name);
    if (n.isEmpty()) {
      return fallback;
    }
    try {
      return n.get().longValueExact();
    } catch (ArithmeticException e) {
      boolean fraction = n.get().stripTrailingZeros().scale() > 0;
      throw error(
          name,
          fraction ? "Not a whole number" : "Number too large",
          fraction
              ? "\"" + name + "\" takes a whole number, not " + n.get().toPlainString() + "."
              : "\""
                  + name
                  + "\" is at most "
                  + Long.MAX_VALUE
                  + ", not "
                  + n.get().toPlainString()
                  + ".");
    }
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String name) {
    Object v = values.get(name);
    return v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> stringMap(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Map.of();
    }
    Map<String, String> out = new java.util.TreeMap<>();
    ((Map<String, Object>) v).forEach((k, x) -> out.put(k, x == null ? null : String.valueOf(x)));
    return out;
  }

  /**
   * Nested objects or blocks, each as its own Config. A nested block's arguments keep where they
   * were written (the checker records them under {@link #nestedKey} names); an object value's, or
   * any without a recorded place, point at the parent argument.
   */
  @SuppressWarnings("unchecked")
  public List<Config> objects(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    Range parent = ranges.getOrDefault(name, block);
    List<Object> list = v instanceof List<?> l ? (List<Object>) l : List.of(v);
    List<Config> out = new java.util.ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String key = nestedKey(name, i);
      String prefix = key + ".";
      Map<String, Range> inner = new java.util.LinkedHashMap<>();
      ranges.forEach(
          (k, r) -> {
            if (k.startsWith(prefix)) {
              inner.put(k.substring(prefix.length()), r);
            }
          });
      out.add(
          new Config((Map<String, Object>) list.get(i), inner, ranges.getOrDefault(key, parent)));
    }
    return out;
  }

  /** The name under which the place of the {@code index}th nested block {@code name} is kept. */
  public static String nestedKey(String name, int index) {
    return name + "[" + index + "]";
  }

  public Optional<Config> object(String name) {
    List<Config> all = objects(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public Object raw(String name) {
    return values.get(name);
  }

  public Range rangeOf(String name) {
    return ranges.getOrDefault(name, block);
  }

  /** An exception carrying an error diagnostic placed at {@code name}'s value. */
  public DiagnosticsException error(String name, String summary, String detail) {
    return new DiagnosticsException(Diagnostic.error(summary, detail, rangeOf(name)));
  }
}
