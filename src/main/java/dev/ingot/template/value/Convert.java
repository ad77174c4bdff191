package dev.ingot.template.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HCL's automatic type conversions, following go-cty's {@code convert} package: number and bool to
 * string; string to number when it parses and to bool for "true"/"false" (and "1"/"0"); tuple to
 * list or set with the element types unified; object to map; list and set to each other; object to
 * object dropping attributes the target does not have; null and unknown to null and unknown of the
 * target type; anything to the dynamic pseudo-type. Marks are kept. Stateless; thread-safe.
 */
public final class Convert {
  private Convert() {}

  /** {@code value} converted to {@code type}. */
  public static Value to(Value value, Type type) throws ConversionException {
    return convert(value, type, Path.ROOT);
  }

  /**
   * Whether values of type {@code from} can in general be converted to {@code to}; with {@code
   * safeOnly}, only conversions that can never fail (string to number may fail, for instance).
   */
  public static boolean canConvert(Type from, Type to, boolean safeOnly) {
    return TypeConversions.convertible(from, to, safeOnly);
  }

  /**
   * The one type all of {@code types} convert to safely, as cty's {@code unify}: a common type if
   * they are all equal, string for a mix of string with numbers and bools, a map for objects with
   * different attributes, a list for tuples of different lengths, {@code any} if one is {@code
   * any}; empty when there is none.
   */
  public static Optional<Type> unify(List<Type> types) {
    return TypeConversions.unify(types);
  }

  /** A linked path of steps into a value, cheap to extend; rendered only for an error. */
  record Path(Path parent, String step) {
    static final Path ROOT = new Path(null, null);

    Path element(int i) {
      return new Path(this, "element " + i);
    }

    Path key(String k) {
      return new Path(this, "element " + ValuePrinter.quote(k));
    }

    Path attribute(String name) {
      return new Path(this, "attribute " + ValuePrinter.quote(name));
    }

    List<String> steps() {
      List<String> out = new ArrayList<>();
      for (Path p = this; p.step != null; p = p.parent) {
        out.addFirst(p.step);
      }
      return out;
    }

    ConversionException error(String reason) {
      return new ConversionException(steps(), reason);
    }
  }

  static Value convert(Value in, Type out, Path path) throws ConversionException {
    if (out == Type.DYNAMIC) {
      return in;
    }
    if (in.isSensitive()) {
      return convert(in.unmark(), out, path).markSensitive();
    }
    Type inType = in.type();
    if (inType.equals(out)) {
      return in;
    }
    if (in instanceof NullValue || in instanceof UnknownValue) {
      if (!TypeConversions.convertible(inType, out, false)) {
        throw path.error(TypeConversions.mismatch(inType, out));
      }
      Type t = TypeConversions.dynamicReplace(inType, out);
      return in.isNull() ? Value.nullOf(t) : Value.unknown(t);
    }
    return switch (out) {
      case PrimitiveType p -> primitive(in, p, path);
      case DynamicType d -> in;
      case ListType l -> {
        Sequence seq = sequence(in, l.element(), "list", out, path);
        yield new ListValue(seq.type, seq.values, false);
      }
      case SetType s -> {
        Sequence seq = sequence(in, s.element(), "set", out, path);
        yield new SetValue(seq.type, seq.values, false);
      }
      case MapType m -> mapOf(in, m, path);
      case ObjectType o -> objectOf(in, o, path);
      case TupleType t -> tupleOf(in, t, path);
    };
  }

  private static Value primitive(Value in, PrimitiveType out, Path path)
      throws ConversionException {
    switch (out) {
      case STRING -> {
        if (in instanceof NumberValue n) {
          return Value.string(ValuePrinter.number(n.value()));
        }
        if (in instanceof BoolValue b) {
          return Value.string(Boolean.toString(b.value()));
        }
      }
      case NUMBER -> {
        if (in instanceof StringValue s) {
          return Value.number(
              Numbers.parse(s.value()).orElseThrow(() -> path.error("a number is required")));
        }
      }
      case BOOL -> {
        if (in instanceof StringValue s) {
          return switch (s.value()) {
            case "true", "1" -> Value.TRUE;
            case "false", "0" -> Value.FALSE;
            default -> {
              String lower = s.value().toLowerCase(java.util.Locale.ROOT);
              if (lower.equals("true") || lower.equals("false")) {
                throw path.error(
                    "a bool is required; to convert from string, use lowercase \"" + lower + "\"");
              }
              throw path.error("a bool is required");
            }
          };
        }
      }
    }
    throw path.error(TypeConversions.mismatch(in.type(), out));
  }

  private record Sequence(Type type, List<Value> values) {}

  private static Sequence sequence(Value in, Type elem, String kind, Type out, Path path)
      throws ConversionException {
    List<Value> src =
        switch (in) {
          case ListValue l -> l.elements();
          case SetValue s -> s.elements();
          case TupleValue t -> t.elements();
          default -> throw path.error(TypeConversions.mismatch(in.type(), out));
        };
    List<Value> conv = new ArrayList<>(src.size());
    for (int i = 0; i < src.size(); i++) {
      conv.add(convert(src.get(i), elem, path.element(i)));
    }
    Type type = elem;
    if (elem.hasDynamic() && !conv.isEmpty()) {
      type = common(conv.stream().map(Value::type).toList(), kind, path);
      for (int i = 0; i < conv.size(); i++) {
        conv.set(i, convert(conv.get(i), type, path.element(i)));
      }
    }
    return new Sequence(type, conv);
  }

  private static Type common(List<Type> types, String kind, Path path) throws ConversionException {
    Set<Type> distinct = new LinkedHashSet<>(types);
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    return unify(List.copyOf(distinct))
        .orElseThrow(() -> path.error("all " + kind + " elements must have the same type"));
  }

  private static Value mapOf(Value in, MapType out, Path path) throws ConversionException {
    boolean object = in instanceof ObjectValue;
    if (!(in instanceof MapValue) && !object) {
      throw path.error(TypeConversions.mismatch(in.type(), out));
    }
    TreeMap<String, Value> conv = new TreeMap<>();
    for (var e : in.attributes().entrySet()) {
      Path p = object ? path.attribute(e.getKey()) : path.key(e.getKey());
      conv.put(e.getKey(), convert(e.getValue(), out.element(), p));
    }
    Type type = out.element();
    if (type.hasDynamic() && !conv.isEmpty()) {
      type = common(conv.values().stream().map(Value::type).toList(), "map", path);
      for (var e : conv.entrySet()) {
        e.setValue(convert(e.getValue(), type, path.key(e.getKey())));
      }
    }
    return new MapValue(type, conv, false);
  }

  /**
   * To an object: attributes the target lacks are dropped. From an object every target attribute is
   * required; from a map a missing key gives a null attribute (as cty does).
   */
  private static Value objectOf(Value in, ObjectType out, Path path) throws ConversionException {
    boolean object = in instanceof ObjectValue;
    if (!(in instanceof MapValue) && !object) {
      throw path.error(TypeConversions.mismatch(in.type(), out));
    }
    Map<String, Value> src = in.attributes();
    TreeMap<String, Value> conv = new TreeMap<>();
    for (var e : out.attributes().entrySet()) {
      Value v = src.get(e.getKey());
      if (v == null && object) {
        throw path.error("attribute " + ValuePrinter.quote(e.getKey()) + " is required");
      }
      conv.put(
          e.getKey(),
          v == null
              ? Value.nullOf(e.getValue())
              : convert(v, e.getValue(), path.attribute(e.getKey())));
    }
    return new ObjectValue(conv, false);
  }

  private static Value tupleOf(Value in, TupleType out, Path path) throws ConversionException {
    if (!(in instanceof TupleValue || in instanceof ListValue || in instanceof SetValue)) {
      throw path.error(TypeConversions.mismatch(in.type(), out));
    }
    List<Value> src = in.elements();
    if (src.size() != out.elements().size()) {
      throw path.error(
          "tuple with " + out.elements().size() + " elements required, got " + src.size());
    }
    List<Value> conv = new ArrayList<>(src.size());
    for (int i = 0; i < src.size(); i++) {
      conv.add(convert(src.get(i), out.elements().get(i), path.element(i)));
    }
    return new TupleValue(conv, false);
  }
}
