package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plugin {@link Schema} and a {@link RawBody} into a {@link Config}: converts values to the
 * declared types (as HCL converts: numbers and bools to strings, "true" to a bool, numeric strings
 * to numbers), applies defaults, and reports unknown arguments (with "Did you mean"), wrong types
 * and missing required arguments, in HCL's words. Stateless and thread-safe.
 */
public final class SchemaChecker {
  /**
   * The checked config, every problem found, and the string forms of the values of sensitive
   * arguments (to add to the plan's {@link Masker}).
   */
  public record Checked(Config config, Diagnostics diagnostics, List<String> sensitiveValues) {}

  private SchemaChecker() {}

  /** Checks {@code body}; names in {@code handledElsewhere} (e.g. pause_before) are skipped. */
  public static Checked check(Schema schema, RawBody body, Set<String> handledElsewhere) {
    List<Diagnostic> diags = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    Map<String, Object> values = checkBody(schema, body, handledElsewhere, diags, secrets);
    Map<String, Range> ranges = new LinkedHashMap<>();
    body.attributes().forEach((k, a) -> putRange(ranges, k, a.range()));
    body.blocks().forEach((k, bs) -> putRange(ranges, k, bs.isEmpty() ? null : bs.get(0).range()));
    nestedRanges("", body, ranges);
    return new Checked(
        new Config(values, ranges, body.range()), new Diagnostics(diags), List.copyOf(secrets));
  }

  public static Checked check(Schema schema, RawBody body) {
    return check(schema, body, Set.of());
  }

  /**
   * Where each nested block and its attributes are, under {@link Config#nestedKey} names, so that a
   * bad value in the second {@code users} block is reported there (it was at the first).
   */
  private static void nestedRanges(String prefix, RawBody body, Map<String, Range> ranges) {
    body.blocks()
        .forEach(
            (name, bs) -> {
              for (int i = 0; i < bs.size(); i++) {
                String key = Config.nestedKey(prefix + name, i);
                RawBody b = bs.get(i);
                putRange(ranges, key, b.range());
                b.attributes().forEach((k, a) -> putRange(ranges, key + "." + k, a.range()));
                nestedRanges(key + ".", b, ranges);
              }
            });
  }

  private static void putRange(Map<String, Range> ranges, String k, Range r) {
    if (r != null) {
      ranges.put(k, r);
    }
  }

  private static Map<String, Object> checkBody(
      Schema schema, RawBody body, Set<String> skip, List<Diagnostic> diags, List<String> secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> known = new ArrayList<>(schema.names());
    known.addAll(skip);
    body.attributes()
        .forEach(
            (name, attr) -> {
              if (skip.contains(name)) {
                return;
              }
              Range at = attr.range() != null ? attr.range() : body.range();
              Range nameAt = attr.nameRange() != null ? attr.nameRange() : at;
              Arg arg = schema.arg(name).orElse(null);
              if (arg == null) {
                diags.add(
                    Diagnostic.error(
                        "Unsupported argument",
                        "An argument named \""
                            + name
                            + "\" is not expected here."
                            + ValueConversion.suggest(name, known),
                        nameAt));
              } else if (arg.block()) {
                diags.add(
                    Diagnostic.error(
                        "Unsupported argument",
                        "An argument named \""
                            + name
                            + "\" is not expected here. Did you mean to define a block of type \""
                            + name
                            + "\"?",
                        nameAt));
              } else if (attr.value() != null) {
                Object v = ValueConversion.convert(arg.type(), attr.value(), name, at, diags);
                out.put(name, v);
                if (arg.sensitive()) {
                  ValueConversion.strings(v, secrets);
                }
              }
            });
    body.blocks()
        .forEach(
            (name, blocks) -> {
              Arg arg = schema.arg(name).orElse(null);
              Range at = blocks.get(0).range() != null ? blocks.get(0).range() : body.range();
              if (arg == null || !arg.block()) {
                String hint =
                    arg == null
                        ? ValueConversion.suggest(name, known)
                        : " Did you mean to define argument \""
                            + name
                            + "\"? If so, use the equals sign to assign it a value.";
                diags.add(
                    Diagnostic.error(
                        "Unsupported block type",
                        "Blocks of type \"" + name + "\" are not expected here." + hint,
                        at));
                return;
              }
              out.put(name, nestedBlocks(arg, blocks, at, diags, secrets));
            });
    for (Arg a : schema.args()) {
      if (out.containsKey(a.name()) || skip.contains(a.name())) {
        continue;
      }
      if (a.required()) {
        diags.add(
            Diagnostic.error(
                "Missing required argument",
                "The argument \"" + a.name() + "\" is required, but no definition was found.",
                body.range()));
      } else if (a.defaultValue() != null) {
        out.put(a.name(), a.defaultValue());
      }
    }
    return out;
  }

  private static Object nestedBlocks(
      Arg arg, List<RawBody> blocks, Range at, List<Diagnostic> diags, List<String> secrets) {
    boolean single = arg.type() instanceof ArgType.Obj;
    Schema inner =
        switch (arg.type()) {
          case ArgType.Obj o -> o.schema();
          case ArgType.ListOf(ArgType.Obj o) -> o.schema();
          default ->
              throw new IllegalStateException("block argument " + arg.name() + " has no schema");
        };
    if (single && blocks.size() > 1) {
      diags.add(
          Diagnostic.error(
              "Duplicate " + arg.name() + " block",
              "Only one \"" + arg.name() + "\" block is allowed here.",
              blocks.get(1).range() != null ? blocks.get(1).range() : at));
    }
    List<Object> list = new ArrayList<>();
    for (RawBody b : blocks) {
      list.add(checkBody(inner, b, Set.of(), diags, secrets));
    }
    return single ? list.get(0) : list;
  }
}
