package dev.ingot.template.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversion between values and plain Java objects (see {@link Value#toJava}). */
final class JavaValues {
  private JavaValues() {}

  static Value fromJava(Object o) {
    return switch (o) {
      case null -> Value.NULL;
      case Value v -> v;
      case String s -> Value.string(s);
      case Character c -> Value.string(c.toString());
      case Boolean b -> Value.bool(b);
      case BigDecimal d -> Value.number(d);
      case BigInteger i -> Value.number(new BigDecimal(i));
      case Double d -> Value.number(finite(d));
      case Float f -> Value.number(finite(f.doubleValue()));
      case Number n -> Value.number(n.longValue());
      case Collection<?> c -> Value.tuple(c.stream().map(JavaValues::fromJava).toList());
      case Map<?, ?> m -> {
        TreeMap<String, Value> attrs = new TreeMap<>();
        m.forEach((k, v) -> attrs.put(String.valueOf(k), fromJava(v)));
        yield Value.object(attrs);
      }
      default ->
          throw new IllegalArgumentException(
              "no HCL value for a Java " + o.getClass().getSimpleName());
    };
  }

  private static BigDecimal finite(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("HCL numbers must be finite, got " + d);
    }
    return BigDecimal.valueOf(d);
  }

  static Object toJava(Value v) {
    return switch (v) {
      case NullValue n -> null;
      case UnknownValue u ->
          throw new IllegalStateException(
              "an unknown " + u.type().friendlyName() + " has no Java value yet");
      case StringValue s -> s.value();
      case NumberValue n -> n.value();
      case BoolValue b -> b.value();
      case ListValue l -> list(l.elements());
      case SetValue s -> list(s.elements());
      case TupleValue t -> list(t.elements());
      case MapValue m -> map(m.entries());
      case ObjectValue o -> map(o.attributes());
    };
  }

  private static List<Object> list(List<Value> elements) {
    List<Object> out = new ArrayList<>(elements.size());
    elements.forEach(e -> out.add(toJava(e)));
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> map(Map<String, Value> entries) {
    TreeMap<String, Object> out = new TreeMap<>();
    entries.forEach((k, e) -> out.put(k, toJava(e)));
    return Collections.unmodifiableMap(out);
  }
}
