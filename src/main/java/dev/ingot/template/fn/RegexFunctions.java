package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.ObjectType;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** {@code regex} and {@code regexall}, with RE2 patterns (see {@link Re2}). */
final class RegexFunctions {
  private RegexFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder(
                "regex",
                "Applies a regular expression to a string and returns the first match (or its groups).")
            .param("pattern", Type.STRING)
            .param("string", Type.STRING)
            .returns(a -> resultType(a.get(0)))
            .body(
                (a, ctx) -> {
                  Re2 re = compile(a.get(0).asString(), 0, "pattern");
                  checkGroups(re);
                  List<Re2.MatchResultView> m = re.findAll(a.get(1).asString(), 1);
                  if (m.isEmpty()) {
                    throw FunctionException.argument(
                        1, "string", "pattern did not match any part of the given string");
                  }
                  return result(re, m.get(0));
                }),
        Fn.builder(
                "regexall",
                "Applies a regular expression to a string and returns a list of all matches.")
            .param("pattern", Type.STRING)
            .param("string", Type.STRING)
            .returns(a -> Type.list(resultType(a.get(0))))
            .body(
                (a, ctx) -> {
                  Re2 re = compile(a.get(0).asString(), 0, "pattern");
                  checkGroups(re);
                  List<Value> out = new ArrayList<>();
                  for (Re2.MatchResultView m : re.findAll(a.get(1).asString(), -1)) {
                    out.add(result(re, m));
                  }
                  return new ListValue(type(re), out, false);
                }));
  }

  static Re2 compile(String pattern, int argIndex, String param) throws FunctionException {
    try {
      return Re2.compile(pattern);
    } catch (Re2.SyntaxError e) {
      throw FunctionException.argument(
          argIndex, param, "invalid regular expression pattern: " + e.getMessage());
    }
  }

  private static void checkGroups(Re2 re) throws FunctionException {
    if (re.hasNamedGroups() && re.hasUnnamedGroups()) {
      throw FunctionException.argument(
          0,
          "pattern",
          "invalid regular expression pattern: cannot mix both named and unnamed capture groups");
    }
  }

  private static Type resultType(Value pattern) {
    if (!pattern.isKnown() || pattern.isNull()) {
      return Type.DYNAMIC;
    }
    try {
      return type(Re2.compile(pattern.asString()));
    } catch (Re2.SyntaxError e) {
      return Type.DYNAMIC;
    }
  }

  /** string without groups, list(string) for unnamed groups, an object for named groups. */
  private static Type type(Re2 re) {
    if (re.groups() == 0) {
      return Type.STRING;
    }
    if (!re.hasNamedGroups()) {
      return Type.list(Type.STRING);
    }
    TreeMap<String, Type> attrs = new TreeMap<>();
    re.groupNames().forEach(n -> attrs.put(n, Type.STRING));
    return new ObjectType(attrs);
  }

  private static Value result(Re2 re, Re2.MatchResultView m) {
    if (re.groups() == 0) {
      return Value.string(m.groups()[0]);
    }
    if (!re.hasNamedGroups()) {
      List<Value> groups = new ArrayList<>();
      for (int g = 1; g < m.groups().length; g++) {
        groups.add(group(m.groups()[g]));
      }
      return new ListValue(Type.STRING, groups, false);
    }
    TreeMap<String, Value> attrs = new TreeMap<>();
    for (int g = 0; g < re.groups(); g++) {
      attrs.put(re.groupNames().get(g), group(m.groups()[g + 1]));
    }
    return Value.object(attrs);
  }

  private static Value group(String s) {
    return s == null ? Value.nullOf(Type.STRING) : Value.string(s);
  }
}
