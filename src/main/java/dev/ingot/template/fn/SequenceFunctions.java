package dev.ingot.template.fn;

import dev.ingot.template.value.Convert;
import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.Text;
import dev.ingot.template.value.TupleValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Functions over lists and tuples: concat, element, slice, sort, range, flatten, … */
final class SequenceFunctions {
  /** cty refuses ranges longer than this, so a typo cannot allocate millions of numbers. */
  static final int MAX_RANGE = 1024;

  private SequenceFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder("concat", "Joins lists or tuples into one.")
            .variadic("seqs", Type.DYNAMIC)
            .body(SequenceFunctions::concat),
        Fn.builder("contains", "Tells whether a list, set or tuple contains the given value.")
            .param("list", Type.DYNAMIC)
            .param("value", Type.DYNAMIC)
            .returns(Type.BOOL)
            .body((a, ctx) -> Value.bool(Args.sequence(a.get(0), 0, "list").contains(a.get(1)))),
        Fn.builder("distinct", "Removes repeated elements from a list, keeping the first of each.")
            .param("list", Type.list(Type.DYNAMIC))
            .body(
                (a, ctx) ->
                    withElements(a.get(0), List.copyOf(new LinkedHashSet<>(a.get(0).elements())))),
        Fn.builder(
                "element",
                "Returns the element at an index of a list or tuple; the index wraps around.")
            .param("list", Type.DYNAMIC)
            .param("index", Type.NUMBER)
            .body(SequenceFunctions::element),
        Fn.builder("index", "Returns the index of the first element equal to the value.")
            .param("list", Type.DYNAMIC)
            .param("value", Type.DYNAMIC)
            .returns(Type.NUMBER)
            .body(
                (a, ctx) -> {
                  int i = listOrTuple(a.get(0), 0, "list").indexOf(a.get(1));
                  if (i < 0) {
                    throw FunctionException.argument(1, "value", "item not found");
                  }
                  return Value.number(i);
                }),
        Fn.builder(
                "flatten", "Replaces nested lists, sets and tuples by their elements, recursively.")
            .param("list", Type.DYNAMIC)
            .body(SequenceFunctions::flatten),
        Fn.builder(
                "range",
                "Generates a list of numbers: range(end), range(start, end) or range(start, end, step).")
            .variadic("params", Type.NUMBER)
            .returns(Type.list(Type.NUMBER))
            .body(SequenceFunctions::range),
        Fn.builder(
                "slice",
                "Extracts the elements from start_index (inclusive) to end_index (exclusive).")
            .param("list", Type.DYNAMIC)
            .param("start_index", Type.NUMBER)
            .param("end_index", Type.NUMBER)
            .body(SequenceFunctions::slice),
        Fn.builder(
                "sort",
                "Sorts a list of strings lexicographically (numbers are sorted as strings).")
            .param("list", Type.list(Type.STRING))
            .returns(Type.list(Type.STRING))
            .body(SequenceFunctions::sort),
        Fn.builder("reverse", "Reverses the order of a list or tuple.")
            .param("list", Type.DYNAMIC)
            .body(
                (a, ctx) -> {
                  List<Value> e = new ArrayList<>(Args.sequence(a.get(0), 0, "list"));
                  java.util.Collections.reverse(e);
                  return a.get(0) instanceof TupleValue
                      ? Value.tuple(e)
                      : new ListValue(a.get(0).type().elementType(), e, false);
                }),
        Fn.builder("compact", "Removes empty strings and nulls from a list of strings.")
            .param("list", Type.list(Type.STRING))
            .returns(Type.list(Type.STRING))
            .body(
                (a, ctx) ->
                    new ListValue(
                        Type.STRING,
                        a.get(0).elements().stream()
                            .filter(v -> !v.isNull() && !v.asString().isEmpty())
                            .toList(),
                        false)),
        Fn.builder("chunklist", "Splits a list into lists of at most the given size.")
            .param("list", Type.list(Type.DYNAMIC))
            .param("size", Type.NUMBER)
            .body(SequenceFunctions::chunklist));
  }

  static List<Value> listOrTuple(Value v, int index, String param) throws FunctionException {
    if (v instanceof ListValue || v instanceof TupleValue) {
      return v.elements();
    }
    String hint =
        v instanceof SetValue ? "; a set has no order, so convert it with tolist() first" : "";
    throw FunctionException.argument(
        index, param, "a list or tuple is required, got " + Args.kind(v) + hint);
  }

  /** A value of the same kind as {@code like} (list or tuple) holding {@code elements}. */
  private static Value withElements(Value like, List<Value> elements) {
    return like instanceof ListValue l
        ? new ListValue(l.elementType(), elements, false)
        : Value.tuple(elements);
  }

  private static Value concat(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.isEmpty()) {
      throw FunctionException.failed("concat", "at least one argument is required");
    }
    List<Value> all = new ArrayList<>();
    LinkedHashSet<Type> elemTypes = new LinkedHashSet<>();
    boolean allLists = true;
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (!(v instanceof ListValue || v instanceof TupleValue)) {
        throw FunctionException.argument(
            i, "seqs", "all arguments must be lists or tuples; got " + Args.kind(v));
      }
      all.addAll(v.elements());
      if (v instanceof ListValue l) {
        elemTypes.add(l.elementType());
      } else {
        allLists = false;
      }
    }
    if (allLists) {
      Optional<Type> t = Convert.unify(List.copyOf(elemTypes));
      if (t.isPresent()) {
        return Value.list(t.get(), all);
      }
    }
    return Value.tuple(all);
  }

  private static Value element(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> e = listOrTuple(a.get(0), 0, "list");
    long i = Args.whole(a.get(1), 1, "index");
    if (e.isEmpty()) {
      throw FunctionException.argument(0, "list", "cannot use element function with an empty list");
    }
    if (i < 0) {
      throw FunctionException.argument(
          1, "index", "cannot use element function with a negative index");
    }
    return e.get((int) (i % e.size()));
  }

  private static Value flatten(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> out = new ArrayList<>();
    boolean[] sawTuple = {a.get(0) instanceof TupleValue};
    flattenInto(Args.sequence(a.get(0), 0, "list"), out, sawTuple);
    LinkedHashSet<Type> types = new LinkedHashSet<>();
    out.forEach(v -> types.add(v.type()));
    if (!sawTuple[0] && types.size() <= 1) {
      Type t = types.isEmpty() ? elementLeaf(a.get(0).type()) : types.iterator().next();
      return new ListValue(t, out, false);
    }
    return Value.tuple(out);
  }

  private static Type elementLeaf(Type t) {
    while (t.isCollection() && !(t instanceof dev.ingot.template.value.MapType)) {
      t = t.elementType();
    }
    return t;
  }

  private static void flattenInto(List<Value> in, List<Value> out, boolean[] sawTuple) {
    for (Value v : in) {
      if (Args.isSequence(v)) {
        sawTuple[0] |= v instanceof TupleValue;
        flattenInto(v.elements(), out, sawTuple);
      } else {
        out.add(v);
      }
    }
  }

  private static Value range(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.isEmpty() || a.size() > 3) {
      throw FunctionException.failed("range", "must have one, two, or three arguments");
    }
    BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : a.get(0).asNumber();
    BigDecimal end = a.size() == 1 ? a.get(0).asNumber() : a.get(1).asNumber();
    BigDecimal step = a.size() == 3 ? a.get(2).asNumber() : BigDecimal.ONE;
    if (step.signum() == 0) {
      throw FunctionException.argument(2, "params", "step must not be zero");
    }
    boolean down = step.signum() < 0;
    if (down && end.compareTo(start) > 0) {
      throw FunctionException.argument(
          2, "params", "end must be less than start when step is negative");
    }
    if (!down && end.compareTo(start) < 0) {
      if (a.size() == 3) {
        throw FunctionException.argument(
            2, "params", "end must be greater than start when step is positive");
      }
      step = step.negate();
      down = true;
    }
    List<Value> out = new ArrayList<>();
    for (BigDecimal v = start;
        down ? v.compareTo(end) > 0 : v.compareTo(end) < 0;
        v = v.add(step)) {
      if (out.size() >= MAX_RANGE) {
        throw FunctionException.failed(
            "range",
            "more than "
                + MAX_RANGE
                + " values were generated; either decrease the difference between start and end or use a smaller step");
      }
      out.add(Value.number(v));
    }
    return new ListValue(Type.NUMBER, out, false);
  }

  private static Value slice(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> e = listOrTuple(a.get(0), 0, "list");
    int start = Args.index(a.get(1), 1, "start_index");
    int end = Args.index(a.get(2), 2, "end_index");
    if (start < 0) {
      throw FunctionException.argument(1, "start_index", "start index must not be less than zero");
    }
    if (end > e.size()) {
      throw FunctionException.argument(
          2,
          "end_index",
          "end index must not be greater than the length of the list (" + e.size() + ")");
    }
    if (start > end) {
      throw FunctionException.argument(
          1, "start_index", "start index must not be greater than end index");
    }
    return withElements(a.get(0), e.subList(start, end));
  }

  private static Value sort(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> e = a.get(0).elements();
    for (int i = 0; i < e.size(); i++) {
      if (e.get(i).isNull()) {
        throw FunctionException.argument(
            0, "list", "given list element " + i + " is null; a null string cannot be sorted");
      }
    }
    List<Value> sorted = new ArrayList<>(e);
    sorted.sort((x, y) -> Text.compareCodePoints(x.asString(), y.asString()));
    return new ListValue(Type.STRING, sorted, false);
  }

  private static Value chunklist(List<Value> a, FunctionContext ctx) throws FunctionException {
    ListValue list = (ListValue) a.get(0);
    long size = Args.whole(a.get(1), 1, "size");
    if (size < 0) {
      throw FunctionException.argument(1, "size", "the size argument must be positive");
    }
    List<Value> e = list.elements();
    List<Value> chunks = new ArrayList<>();
    int n = size == 0 ? Math.max(e.size(), 1) : (int) Math.min(size, Integer.MAX_VALUE);
    for (int i = 0; i < e.size(); i += n) {
      chunks.add(new ListValue(list.elementType(), e.subList(i, Math.min(e.size(), i + n)), false));
    }
    return new ListValue(Type.list(list.elementType()), chunks, false);
  }
}
