package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HCL-style conversion of plain Java values to a plugin {@link ArgType}, with diagnostics. */
final class ValueConversion {
  private ValueConversion() {}

  /** The converted value, or null after adding a diagnostic. */
  static Object convert(ArgType type, Object v, String path, Range at, List<Diagnostic> diags) {
    if (v == null) {
      return null;
    }
    Object out =
        switch (type) {
          case ArgType.Any a -> v;
          case ArgType.Str s -> toStr(v);
          case ArgType.Num n -> toNum(v);
          case ArgType.Bool b -> toBool(v);
          case ArgType.ListOf l -> toList(l.element(), v, path, at, diags);
          case ArgType.MapOf m -> toMap(m.element(), v, path, at, diags);
          case ArgType.Obj o -> toObject(o, v, path, at, diags);
        };
    if (out == null) {
      diags.add(
          Diagnostic.error(
              "Incorrect attribute value type",
              "Inappropriate value for attribute \""
                  + path
                  + "\": "
                  + type.display()
                  + " required.",
              at));
    }
    return out;
  }

  private static String toStr(Object v) {
    return switch (v) {
      case String s -> s;
      case BigDecimal d -> d.stripTrailingZeros().toPlainString();
      case Number n -> new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
      case Boolean b -> b.toString();
      default -> null;
    };
  }

  private static BigDecimal toNum(Object v) {
    try {
      return switch (v) {
        case BigDecimal d -> d;
        case Number n -> new BigDecimal(n.toString());
        case String s -> new BigDecimal(s.strip());
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean toBool(Object v) {
    return switch (v) {
      case Boolean b -> b;
      case String s when s.equals("true") -> Boolean.TRUE;
      case String s when s.equals("false") -> Boolean.FALSE;
      default -> null;
    };
  }

  private static List<Object> toList(
      ArgType elem, Object v, String path, Range at, List<Diagnostic> diags) {
    if (!(v instanceof Collection<?> c)) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (Object e : c) {
      out.add(convert(elem, e, path + "[" + i++ + "]", at, diags));
    }
    return out;
  }

  private static Map<String, Object> toMap(
      ArgType elem, Object v, String path, Range at, List<Diagnostic> diags) {
    if (!(v instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, e) ->
            out.put(String.valueOf(k), convert(elem, e, path + "[\"" + k + "\"]", at, diags)));
    return out;
  }

  private static Map<String, Object> toObject(
      ArgType.Obj o, Object v, String path, Range at, List<Diagnostic> diags) {
    if (!(v instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, e) -> {
          String key = String.valueOf(k);
          Arg a = o.schema().arg(key).orElse(null);
          if (a == null) {
            diags.add(
                Diagnostic.error(
                    "Unsupported attribute",
                    "Attribute \""
                        + key
                        + "\" is not expected in \""
                        + path
                        + "\"."
                        + suggest(key, o.schema().names()),
                    at));
          } else {
            out.put(key, convert(a.type(), e, path + "." + key, at, diags));
          }
        });
    for (Arg a : o.schema().args()) {
      if (out.get(a.name()) != null) {
        continue;
      }
      if (a.required()) {
        diags.add(
            Diagnostic.error(
                "Missing required argument",
                "The attribute \"" + a.name() + "\" is required in \"" + path + "\".",
                at));
      } else if (a.defaultValue() != null) {
        out.put(a.name(), a.defaultValue());
      }
    }
    return out;
  }

  /** " Did you mean \"x\"?" or "", ready to append to a sentence of a diagnostic's detail. */
  static String suggest(String typed, java.util.Collection<String> candidates) {
    String s = dev.ingot.diag.Suggest.didYouMean(typed, candidates);
    return s.isEmpty() ? "" : " " + s;
  }

  /** Adds every string form inside {@code v} (for masking sensitive values). */
  static void strings(Object v, List<String> out) {
    switch (v) {
      case null -> {}
      case Map<?, ?> m -> m.values().forEach(x -> strings(x, out));
      case Collection<?> c -> c.forEach(x -> strings(x, out));
      default -> out.add(String.valueOf(v));
    }
  }
}
