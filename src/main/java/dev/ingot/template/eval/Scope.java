package dev.ingot.template.eval;

import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Value;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names visible to an expression: the root variables and, in child scopes, {@code for}
 * variables (which hide outer names) or the current element of a splat. Immutable.
 */
final class Scope {
  private final Scope parent;
  private final Map<String, Value> names;
  private final Expr.SplatItem item;
  private final Value itemValue;

  private Scope(Scope parent, Map<String, Value> names, Expr.SplatItem item, Value itemValue) {
    this.parent = parent;
    this.names = names;
    this.item = item;
    this.itemValue = itemValue;
  }

  static Scope root(Map<String, Value> variables) {
    return new Scope(null, variables, null, null);
  }

  /** A child scope binding {@code key} (may be null) and {@code value} names. */
  Scope with(String keyName, Value key, String valueName, Value value) {
    Map<String, Value> m =
        keyName == null || keyName.equals(valueName)
            ? Map.of(valueName, value)
            : Map.of(keyName, key, valueName, value);
    return new Scope(this, m, null, null);
  }

  Scope withItem(Expr.SplatItem splat, Value value) {
    return new Scope(this, Map.of(), splat, value);
  }

  Optional<Value> lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Value v = s.names.get(name);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The element a splat placeholder stands for (identity: each splat has its own). */
  Optional<Value> item(Expr.SplatItem splat) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.item == splat) {
        return Optional.of(s.itemValue);
      }
    }
    return Optional.empty();
  }

  Set<String> names() {
    Set<String> all = new TreeSet<>();
    for (Scope s = this; s != null; s = s.parent) {
      all.addAll(s.names.keySet());
    }
    return all;
  }
}
