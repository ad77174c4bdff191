package dev.ingot.template.fn;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable registry of functions by name. {@link #standard()} holds Ingot's standard library
 * (Packer's and Terraform's functions; {@code can} and {@code try} are evaluator special forms and
 * not here). Thread-safe.
 */
public final class Functions {
  private final SortedMap<String, Function> byName;

  private Functions(SortedMap<String, Function> byName) {
    this.byName = Collections.unmodifiableSortedMap(byName);
  }

  /** A registry of the given functions; names must be unique. */
  public static Functions of(Collection<? extends Function> functions) {
    TreeMap<String, Function> map = new TreeMap<>();
    for (Function f : functions) {
      if (map.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("two functions are named " + f.name());
      }
    }
    return new Functions(map);
  }

  /** The standard library. */
  public static Functions standard() {
    return of(StandardLibrary.all());
  }

  public Optional<Function> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
  }

  public Collection<Function> all() {
    return byName.values();
  }

  /** This registry with {@code extra} functions added (replacing ones of the same name). */
  public Functions with(List<? extends Function> extra) {
    TreeMap<String, Function> map = new TreeMap<>(byName);
    extra.forEach(f -> map.put(f.name(), f));
    return new Functions(map);
  }
}
