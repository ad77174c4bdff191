package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands HCL {@code dynamic "TYPE"} blocks: one {@code TYPE} block per element of {@code
 * for_each}, each with the {@code content} body and the iterator ({@code TYPE}, or the name given
 * by {@code iterator}) bound to {@code {key, value}}; {@code labels} gives the labels of each block
 * and may use the iterator. Stateless.
 */
final class DynamicBlocks {
  private static final BodySchema DYNAMIC =
      BodySchema.builder().required("for_each").attr("iterator", "labels").block("content").build();

  /** One generated block: its labels, its content and the names its expressions may use. */
  record Expanded(String type, List<String> labels, Block block, Map<String, Value> bindings) {}

  private DynamicBlocks() {}

  static List<Expanded> expand(
      Block dynamic, Map<String, Value> outer, ScopeEval eval, List<Diagnostic> diags) {
    String type = dynamic.labels().get(0).value();
    BodySchema.Content c = DYNAMIC.check(dynamic.body(), diags);
    List<Block> contents = c.blocks("content");
    if (contents.size() != 1) {
      diags.add(
          Diagnostic.error(
              contents.isEmpty() ? "Missing content block" : "Duplicate content block",
              "A dynamic block needs exactly one content block: the body of each generated \""
                  + type
                  + "\" block.",
              contents.isEmpty() ? dynamic.openBraceRange() : contents.get(1).typeRange()));
      return List.of();
    }
    Attribute forEach = c.attributes().get("for_each");
    if (forEach == null) {
      return List.of();
    }
    String iterator = type;
    Attribute it = c.attributes().get("iterator");
    if (it != null) {
      Optional<String> name = iteratorName(it, diags);
      if (name.isEmpty()) {
        return List.of();
      }
      iterator = name.get();
    }
    Value coll = eval.eval(forEach.expr(), outer, diags);
    if (!coll.isKnown()) {
      return List.of();
    }
    if (coll.isNull() || !(coll.type().isCollection() || coll.type().isStructural())) {
      diags.add(
          Diagnostic.error(
              "Invalid dynamic for_each value",
              "Cannot use a "
                  + (coll.isNull() ? "null value" : coll.type().friendlyName())
                  + " in for_each: a collection (list, set, map or object) is required.",
              forEach.expr().range()));
      return List.of();
    }
    List<Expanded> out = new ArrayList<>();
    for (Map.Entry<Value, Value> e : entries(coll).entrySet()) {
      Map<String, Value> bindings = new LinkedHashMap<>(outer);
      bindings.put(iterator, Value.object(Map.of("key", e.getKey(), "value", e.getValue())));
      List<String> labels = labels(c.attributes().get("labels"), bindings, eval, diags);
      if (labels == null) {
        return List.of();
      }
      out.add(new Expanded(type, labels, contents.get(0), bindings));
    }
    return out;
  }

  private static Optional<String> iteratorName(Attribute it, List<Diagnostic> diags) {
    if (it.expr() instanceof dev.ingot.template.hcl.Expr.ScopeTraversal t
        && t.steps().size() == 1) {
      return Optional.of(t.rootName());
    }
    diags.add(
        Diagnostic.error(
            "Invalid dynamic iterator name",
            "The iterator must be a single name, such as iterator = step.",
            it.expr().range()));
    return Optional.empty();
  }

  /** Keys and values: indexes for lists and tuples, the element itself for sets. */
  private static Map<Value, Value> entries(Value coll) {
    Map<Value, Value> out = new LinkedHashMap<>();
    if (coll.type() instanceof dev.ingot.template.value.MapType
        || coll.type() instanceof dev.ingot.template.value.ObjectType) {
      coll.attributes().forEach((k, v) -> out.put(Value.string(k), v));
    } else if (coll.type() instanceof dev.ingot.template.value.SetType) {
      coll.elements().forEach(v -> out.put(v, v));
    } else {
      List<Value> elems = coll.elements();
      for (int i = 0; i < elems.size(); i++) {
        out.put(Value.number(i), elems.get(i));
      }
    }
    return out;
  }

  private static List<String> labels(
      Attribute attr, Map<String, Value> bindings, ScopeEval eval, List<Diagnostic> diags) {
    if (attr == null) {
      return List.of();
    }
    Value v = eval.eval(attr.expr(), bindings, diags);
    if (!v.isKnown()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v.isComposite() && !(v.type() instanceof dev.ingot.template.value.MapType)) {
      for (Value l : v.elements()) {
        if (l.isKnown() && !l.isNull() && l.type() == dev.ingot.template.value.Type.STRING) {
          out.add(l.asString());
          continue;
        }
        break;
      }
      if (out.size() == v.elements().size()) {
        return out;
      }
    }
    diags.add(
        Diagnostic.error(
            "Invalid dynamic block labels",
            "The labels must be a list of strings, such as labels = [\"shell-local\"].",
            attr.expr().range()));
    return null;
  }
}
