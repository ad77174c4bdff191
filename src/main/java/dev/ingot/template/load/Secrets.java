package dev.ingot.template.load;

import dev.ingot.template.value.NumberValue;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The texts to hide: every string and number inside a value that is (or is inside) a sensitive
 * part, in the form outputs show them. Bools are left out: hiding every "true" hides nothing.
 * Stateless.
 */
public final class Secrets {
  private Secrets() {}

  public static Set<String> of(Collection<Value> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> collect(v, false, out));
    return out;
  }

  public static Set<String> of(Value v) {
    Set<String> out = new LinkedHashSet<>();
    collect(v, false, out);
    return out;
  }

  private static void collect(Value v, boolean inSensitive, Set<String> out) {
    boolean s = inSensitive || v.isSensitive();
    if (!v.isKnown() || v.isNull()) {
      return;
    }
    if (v.isComposite()) {
      if (s || v.containsSensitive()) {
        v.elements().forEach(e -> collect(e, s, out));
      }
      return;
    }
    if (!s) {
      return;
    }
    switch (v) {
      case StringValue str -> out.add(str.value());
      case NumberValue n -> out.add(ValuePrinter.number(n.value()));
      default -> {}
    }
  }
}
