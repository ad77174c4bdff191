package dev.ingot.template.fn;

import java.util.ArrayList;
import java.util.List;

/** Collects the function groups that make up {@link Functions#standard()}. */
final class StandardLibrary {
  private StandardLibrary() {}

  static List<Function> all() {
    List<Function> all = new ArrayList<>();
    all.addAll(StringFunctions.all());
    return all;
  }
}
