package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.TupleType;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;

/** Set algebra: setunion, setintersection, setsubtract and setproduct. */
final class SetFunctions {
  private SetFunctions() {}

  static List<Function> all() {
    return List.of(
        operation(
            "setunion",
            "Returns the set of elements in any of the given sets.",
            (x, y) -> union(x, y)),
        operation(
            "setintersection",
            "Returns the set of elements in all of the given sets.",
            (x, y) -> keep(x, y, true)),
        Fn.builder(
                "setsubtract", "Returns the elements of the first set that are not in the second.")
            .param("a", Type.set(Type.DYNAMIC))
            .param("b", Type.set(Type.DYNAMIC))
            .body((a, ctx) -> combine(a, (x, y) -> keep(x, y, false))),
        Fn.builder(
                "setproduct",
                "Returns every combination of one element from each argument, as tuples.")
            .variadic("sets", Type.DYNAMIC)
            .body(SetFunctions::product));
  }

  private static Function operation(
      String name, String description, BinaryOperator<List<Value>> op) {
    return Fn.builder(name, description)
        .param("first_set", Type.set(Type.DYNAMIC))
        .variadic("other_sets", Type.set(Type.DYNAMIC))
        .body((a, ctx) -> combine(a, op));
  }

  private static Value combine(List<Value> sets, BinaryOperator<List<Value>> op)
      throws FunctionException {
    LinkedHashSet<Type> types = new LinkedHashSet<>();
    sets.forEach(s -> types.add(((SetValue) s).elementType()));
    types.remove(Type.DYNAMIC); // empty sets of any type fit with all others
    Optional<Type> t =
        types.isEmpty()
            ? Optional.of(Type.DYNAMIC)
            : dev.ingot.template.value.Convert.unify(List.copyOf(types));
    if (t.isEmpty()) {
      throw FunctionException.failed(
          sets.size() > 1 ? "set operation" : "set",
          "given sets must all have compatible element types");
    }
    List<List<Value>> converted = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      converted.add(
          CollectionFunctions.convert(sets.get(i), Type.set(t.get()), i, "sets").elements());
    }
    List<Value> acc = converted.get(0);
    for (int i = 1; i < converted.size(); i++) {
      acc = op.apply(acc, converted.get(i));
    }
    return new SetValue(t.get(), acc, false);
  }

  private static List<Value> union(List<Value> x, List<Value> y) {
    List<Value> out = new ArrayList<>(x);
    out.addAll(y);
    return out;
  }

  private static List<Value> keep(List<Value> x, List<Value> y, boolean inBoth) {
    return x.stream().filter(v -> y.contains(v) == inBoth).toList();
  }

  private static Value product(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.size() < 2) {
      throw FunctionException.failed("setproduct", "at least two arguments are required");
    }
    boolean anyList = false;
    List<List<Value>> inputs = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      inputs.add(Args.sequence(a.get(i), i, "sets"));
      anyList |= !(a.get(i) instanceof SetValue);
    }
    List<List<Value>> rows = new ArrayList<>();
    rows.add(List.of());
    for (List<Value> in : inputs) {
      List<List<Value>> next = new ArrayList<>();
      for (List<Value> row : rows) {
        for (Value v : in) {
          List<Value> r = new ArrayList<>(row);
          r.add(v);
          next.add(r);
        }
      }
      rows = next;
      if (rows.size() > 100_000) {
        throw FunctionException.failed("setproduct", "the product has more than 100000 elements");
      }
    }
    List<Value> tuples = rows.stream().map(Value::tuple).toList();
    LinkedHashSet<Type> types = new LinkedHashSet<>();
    tuples.forEach(t -> types.add(t.type()));
    if (types.size() > 1) {
      // Tuples of different element types cannot share one collection type: unify them.
      Optional<Type> u = dev.ingot.template.value.Convert.unify(List.copyOf(types));
      if (u.isEmpty() || !(u.get() instanceof TupleType)) {
        return Value.tuple(tuples);
      }
      types.clear();
      types.add(u.get());
    }
    Type elem =
        types.isEmpty()
            ? Type.tuple(
                a.stream()
                    .map(
                        v -> v.type().elementType() == null ? Type.DYNAMIC : v.type().elementType())
                    .toList())
            : types.iterator().next();
    List<Value> conv = new ArrayList<>();
    for (Value t : tuples) {
      conv.add(CollectionFunctions.convert(t, elem, 0, "sets"));
    }
    return anyList ? new ListValue(elem, conv, false) : new SetValue(elem, conv, false);
  }
}
