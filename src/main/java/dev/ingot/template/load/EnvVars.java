package dev.ingot.template.load;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Variable values from the environment: {@code PKR_VAR_name} as in Packer, and {@code
 * INGOT_VAR_name}, which wins when both are set. Entries without a name after the prefix are
 * ignored. Stateless.
 */
public final class EnvVars {
  public static final String PACKER_PREFIX = "PKR_VAR_";
  public static final String INGOT_PREFIX = "INGOT_VAR_";

  /** One value: the variable name, the environment variable it came from, the raw text. */
  public record EnvValue(String name, String key, String value) {}

  private EnvVars() {}

  /** The values by variable name. */
  public static SortedMap<String, EnvValue> values(Map<String, String> env) {
    SortedMap<String, EnvValue> out = new TreeMap<>();
    for (String prefix : new String[] {PACKER_PREFIX, INGOT_PREFIX}) {
      new TreeMap<>(env)
          .forEach(
              (k, v) -> {
                if (k.startsWith(prefix) && k.length() > prefix.length()) {
                  String name = k.substring(prefix.length());
                  out.put(name, new EnvValue(name, k, v));
                }
              });
    }
    return out;
  }
}
