package dev.ingot.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, ordered collection of diagnostics. Every parse and evaluation returns one beside
 * its value, so that all problems are reported at once.
 */
public record Diagnostics(List<Diagnostic> all) {
  public static final Diagnostics NONE = new Diagnostics(List.of());

  public Diagnostics {
    all = List.copyOf(all);
  }

  public static Diagnostics of(Diagnostic... ds) {
    return new Diagnostics(List.of(ds));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public List<Diagnostic> errors() {
    return all.stream().filter(Diagnostic::isError).toList();
  }

  public Diagnostics plus(Diagnostics other) {
    if (other.isEmpty()) {
      return this;
    }
    List<Diagnostic> merged = new ArrayList<>(all);
    merged.addAll(other.all);
    return new Diagnostics(merged);
  }

  public Diagnostics plus(Diagnostic d) {
    List<Diagnostic> merged = new ArrayList<>(all);
    merged.add(d);
    return new Diagnostics(merged);
  }
}
