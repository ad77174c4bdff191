package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Drops repeated diagnostics: a block evaluated once per build (a provisioner shared by three
 * sources) reports the same problem once. Stateless.
 */
public final class Dedup {
  private Dedup() {}

  public static List<Diagnostic> of(List<Diagnostic> all) {
    return new ArrayList<>(new LinkedHashSet<>(all));
  }
}
