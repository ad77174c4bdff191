package dev.ingot.template.eval;

import dev.ingot.diag.Range;
import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.MapValue;
import dev.ingot.template.value.ObjectValue;
import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.TupleValue;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key/value pairs a {@code for} visits: index and element for lists and tuples, key and value
 * (sorted by key) for maps and objects, the element twice for sets. Elements of a sensitive
 * collection are sensitive.
 */
record Iteration(List<Element> elements, boolean sensitive) {
  record Element(Value key, Value value) {}

  /** The iteration over {@code coll}, or null (after reporting) if it cannot be iterated now. */
  static Iteration of(Eval ev, Value coll, Range where) {
    if (coll.isNull()) {
      ev.error(
          "Iteration over null value",
          "A null value cannot be used as the collection in a 'for' expression.",
          where);
      return null;
    }
    if (!coll.isKnown()) {
      return null; // the result is unknown too; nothing to report
    }
    boolean sensitive = coll.isSensitive();
    List<Element> out = new ArrayList<>();
    switch (coll) {
      case ListValue l -> indexed(l.elements(), sensitive, out);
      case TupleValue t -> indexed(t.elements(), sensitive, out);
      case SetValue s ->
          s.elements()
              .forEach(v -> out.add(new Element(v.markedIf(sensitive), v.markedIf(sensitive))));
      case MapValue m -> keyed(m.entries(), sensitive, out);
      case ObjectValue o -> keyed(o.attributes(), sensitive, out);
      default -> {
        ev.error(
            "Iteration over non-iterable value",
            "A value of type "
                + coll.type().friendlyName()
                + " cannot be used as the collection"
                + " in a 'for' expression.",
            where);
        return null;
      }
    }
    return new Iteration(out, sensitive);
  }

  private static void indexed(List<Value> values, boolean sensitive, List<Element> out) {
    for (int i = 0; i < values.size(); i++) {
      out.add(new Element(Value.number(i), values.get(i).markedIf(sensitive)));
    }
  }

  private static void keyed(Map<String, Value> entries, boolean sensitive, List<Element> out) {
    entries.forEach((k, v) -> out.add(new Element(Value.string(k), v.markedIf(sensitive))));
  }
}
