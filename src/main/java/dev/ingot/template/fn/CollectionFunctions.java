package dev.ingot.template.fn;

import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.MapValue;
import dev.ingot.template.value.ObjectValue;
import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.TupleValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Functions over lists, tuples, maps and objects: length, keys, lookup, merge, zipmap, … */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder(
                "length",
                "Returns the number of elements of a collection or structure, or of characters of a string.")
            .param(Param.of("value", Type.DYNAMIC).withAllowUnknown())
            .returns(Type.NUMBER)
            .body(CollectionFunctions::length),
        Fn.builder("keys", "Returns the keys of a map or the attribute names of an object, sorted.")
            .param("inputMap", Type.DYNAMIC)
            .returns(Type.list(Type.STRING))
            .body(
                (a, ctx) ->
                    Value.list(
                        Type.STRING,
                        mapping(a.get(0), 0, "inputMap").keySet().stream()
                            .map(Value::string)
                            .toList())),
        Fn.builder(
                "values",
                "Returns the values of a map or object, in the order of their sorted keys.")
            .param("mapping", Type.DYNAMIC)
            .body(
                (a, ctx) -> {
                  Map<String, Value> m = mapping(a.get(0), 0, "mapping");
                  List<Value> vals = List.copyOf(m.values());
                  return a.get(0) instanceof MapValue mv
                      ? new ListValue(mv.elementType(), vals, false)
                      : Value.tuple(vals);
                }),
        Fn.builder(
                "lookup",
                "Returns the value of a key in a map or object, or the default when it is missing.")
            .param("inputMap", Type.DYNAMIC)
            .param("key", Type.STRING)
            .variadic(Param.of("default", Type.DYNAMIC).withAllowNull())
            .body(CollectionFunctions::lookup),
        Fn.builder("merge", "Merges maps or objects; later arguments win for the same key.")
            .variadic(Param.of("maps", Type.DYNAMIC).withAllowNull())
            .body(CollectionFunctions::merge),
        Fn.builder("zipmap", "Builds a map from a list of keys and a list of values.")
            .param("keys", Type.list(Type.STRING))
            .param("values", Type.DYNAMIC)
            .body(CollectionFunctions::zipmap),
        Fn.builder(
                "coalesce", "Returns the first argument that is neither null nor an empty string.")
            .variadic(Param.of("vals", Type.DYNAMIC).withAllowNull())
            .body(CollectionFunctions::coalesce),
        Fn.builder("coalescelist", "Returns the first argument that is a non-empty list or tuple.")
            .variadic(Param.of("vals", Type.DYNAMIC).withAllowNull())
            .body(CollectionFunctions::coalescelist));
  }

  private static Value length(List<Value> a, FunctionContext ctx) throws FunctionException {
    Value v = a.get(0);
    if (v instanceof StringValue || v.isComposite()) {
      return Value.number(v.length());
    }
    if (!v.isKnown()
        && (v.type() == Type.STRING
            || v.type().isCollection()
            || v.type().isStructural()
            || v.type() == Type.DYNAMIC)) {
      return v.type() instanceof dev.ingot.template.value.TupleType t
          ? Value.number(t.elements().size())
          : Value.unknown(Type.NUMBER);
    }
    throw FunctionException.argument(
        0,
        "value",
        "argument must be a string, a collection type, or a structural type, not " + Args.kind(v));
  }

  static Map<String, Value> mapping(Value v, int index, String param) throws FunctionException {
    if (v instanceof MapValue || v instanceof ObjectValue) {
      return v.attributes();
    }
    throw FunctionException.argument(
        index, param, "a map or object is required, got " + Args.kind(v));
  }

  private static Value lookup(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.size() > 3) {
      throw new FunctionException(
          3, "Too many function arguments", "Function \"lookup\" expects at most 3 arguments.");
    }
    Map<String, Value> m = mapping(a.get(0), 0, "inputMap");
    String key = a.get(1).asString();
    Value found = m.get(key);
    if (a.size() < 3) {
      if (found == null) {
        throw FunctionException.argument(
            1,
            "key",
            "lookup failed to find key \"" + key + "\"; give a default as the third argument");
      }
      return found;
    }
    Value dflt = a.get(2);
    if (a.get(0) instanceof MapValue mv) {
      // A map's result has one type: the element type unified with the default's.
      Optional<Type> t = Convert.unify(List.of(mv.elementType(), dflt.type()));
      if (t.isEmpty()) {
        throw FunctionException.argument(
            2,
            "default",
            "the default value must have the same type as the map elements ("
                + mv.elementType().friendlyName()
                + ")");
      }
      return convert(found != null ? found : dflt, t.get(), 2, "default");
    }
    return found != null ? found : dflt;
  }

  static Value convert(Value v, Type t, int index, String param) throws FunctionException {
    try {
      return Convert.to(v, t);
    } catch (ConversionException e) {
      throw FunctionException.argument(index, param, e.getMessage());
    }
  }

  private static Value merge(List<Value> a, FunctionContext ctx) throws FunctionException {
    TreeMap<String, Value> out = new TreeMap<>();
    boolean allMaps = true;
    LinkedHashSet<Type> elemTypes = new LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v.isNull()) {
        continue;
      }
      out.putAll(mapping(v, i, "maps"));
      if (v instanceof MapValue m) {
        elemTypes.add(m.elementType());
      } else {
        allMaps = false;
      }
    }
    if (allMaps && elemTypes.size() == 1) {
      return new MapValue(elemTypes.iterator().next(), out, false);
    }
    return Value.object(out);
  }

  private static Value zipmap(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> keys = a.get(0).elements();
    Value values = a.get(1);
    if (!(values instanceof ListValue || values instanceof TupleValue)) {
      throw FunctionException.argument(
          1, "values", "a list or tuple is required, got " + Args.kind(values));
    }
    List<Value> vals = values.elements();
    if (keys.size() != vals.size()) {
      throw FunctionException.failed(
          "zipmap",
          "number of keys ("
              + keys.size()
              + ") does not match number of values ("
              + vals.size()
              + ")");
    }
    TreeMap<String, Value> out = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).isNull()) {
        throw FunctionException.argument(0, "keys", "keys list has null value at index " + i);
      }
      out.put(keys.get(i).asString(), vals.get(i));
    }
    return values instanceof ListValue l
        ? new MapValue(l.elementType(), out, false)
        : Value.object(out);
  }

  private static Value coalesce(List<Value> a, FunctionContext ctx) throws FunctionException {
    Optional<Type> t = Convert.unify(a.stream().map(Value::type).toList());
    if (t.isEmpty()) {
      throw FunctionException.failed(
          "coalesce", "all arguments must have the same type (or convert to one, such as string)");
    }
    for (int i = 0; i < a.size(); i++) {
      Value v = convert(a.get(i), t.get(), i, "vals");
      if (!v.isNull() && !(v instanceof StringValue s && s.value().isEmpty())) {
        return v;
      }
    }
    throw FunctionException.failed("coalesce", "no non-null, non-empty-string arguments");
  }

  private static Value coalescelist(List<Value> a, FunctionContext ctx) throws FunctionException {
    if (a.isEmpty()) {
      throw FunctionException.failed("coalescelist", "at least one argument is required");
    }
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v.isNull()) {
        continue;
      }
      if (!(v instanceof ListValue || v instanceof TupleValue || v instanceof SetValue)) {
        throw FunctionException.argument(
            i, "vals", "coalescelist arguments must be lists or tuples, got " + Args.kind(v));
      }
      if (!v.elements().isEmpty()) {
        return v;
      }
    }
    throw FunctionException.failed("coalescelist", "no non-null arguments");
  }
}
