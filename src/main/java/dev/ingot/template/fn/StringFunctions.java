package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Locale;

/** String functions: case, trimming, splitting and joining, substrings. */
final class StringFunctions {
  private StringFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder("upper", "Converts all letters in the string to upper case.")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(a.get(0).asString().toUpperCase(Locale.ROOT))),
        Fn.builder("lower", "Converts all letters in the string to lower case.")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(a.get(0).asString().toLowerCase(Locale.ROOT))));
  }
}
