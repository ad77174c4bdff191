package dev.ingot.template.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HCL value, modelled on go-cty: a string, an arbitrary-precision number, a bool, a list, set,
 * map, object or tuple, a typed null, or a typed unknown (a value only known when the build runs,
 * used when validating). Values are immutable and compared deeply with {@code equals} (the
 * sensitive mark included); safe to share between threads.
 *
 * <p>Any value can carry the <em>sensitive</em> mark. Operations and functions propagate it: a
 * result computed from a value that contains a sensitive part is itself sensitive, so a secret
 * cannot leak through {@code upper(var.password)}.
 */
public sealed interface Value
    permits StringValue,
        NumberValue,
        BoolValue,
        ListValue,
        SetValue,
        MapValue,
        ObjectValue,
        TupleValue,
        NullValue,
        UnknownValue {
  Value TRUE = new BoolValue(true, false);
  Value FALSE = new BoolValue(false, false);

  /** A null of the dynamic pseudo-type: HCL's {@code null} literal. */
  Value NULL = new NullValue(Type.DYNAMIC, false);

  Value EMPTY_OBJECT = new ObjectValue(Map.of(), false);
  Value EMPTY_TUPLE = new TupleValue(List.of(), false);

  Type type();

  /** Whether this value itself carries the sensitive mark (the record component). */
  boolean sensitive();

  /** Whether this value itself carries the sensitive mark (not looking inside it). */
  default boolean isSensitive() {
    return sensitive();
  }

  /** A copy with the sensitive mark set or cleared on this value (its parts are unchanged). */
  Value withSensitive(boolean sensitive);

  /** Whether this value or any part of it is sensitive. */
  default boolean containsSensitive() {
    return sensitive() || (isComposite() && elements().stream().anyMatch(Value::containsSensitive));
  }

  /** A copy with every sensitive mark removed, here and in all parts. */
  default Value unmarkDeep() {
    return switch (this) {
      case ListValue l -> new ListValue(l.elementType(), unmarkAll(l.elements()), false);
      case SetValue s -> new SetValue(s.elementType(), unmarkAll(s.elements()), false);
      case TupleValue t -> new TupleValue(unmarkAll(t.elements()), false);
      case MapValue m ->
          new MapValue(m.elementType(), Construct.mapValues(m.entries(), Value::unmarkDeep), false);
      case ObjectValue o ->
          new ObjectValue(Construct.mapValues(o.attributes(), Value::unmarkDeep), false);
      default -> unmark();
    };
  }

  private static List<Value> unmarkAll(List<Value> values) {
    return values.stream().map(Value::unmarkDeep).toList();
  }

  /** A known list, set, map, object or tuple: a value with parts. */
  default boolean isComposite() {
    return switch (this) {
      case ListValue l -> true;
      case SetValue s -> true;
      case TupleValue t -> true;
      case MapValue m -> true;
      case ObjectValue o -> true;
      default -> false;
    };
  }

  default Value markSensitive() {
    return isSensitive() ? this : withSensitive(true);
  }

  default Value unmark() {
    return isSensitive() ? withSensitive(false) : this;
  }

  /** This value, marked sensitive when {@code sensitive} is true. */
  default Value markedIf(boolean sensitive) {
    return sensitive ? markSensitive() : this;
  }

  // ---- factories ----

  static Value string(String s) {
    return new StringValue(s, false);
  }

  static Value of(String s) {
    return string(s);
  }

  static Value number(BigDecimal n) {
    return new NumberValue(n, false);
  }

  static Value number(long n) {
    return number(BigDecimal.valueOf(n));
  }

  static Value of(long n) {
    return number(n);
  }

  static Value of(BigDecimal n) {
    return number(n);
  }

  static Value bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static Value of(boolean b) {
    return bool(b);
  }

  /** A list of the given elements, converted to their unified type; fails if they do not unify. */
  static Value list(List<Value> elements) {
    return Construct.list(elements);
  }

  /** A list of {@code elementType} holding the elements converted to that type. */
  static Value list(Type elementType, List<Value> elements) {
    return Construct.list(elementType, elements);
  }

  static Value emptyList(Type elementType) {
    return new ListValue(elementType, List.of(), false);
  }

  /** A set of the given elements (unified, deduplicated, in cty order). */
  static Value set(List<Value> elements) {
    return Construct.set(elements);
  }

  static Value set(Type elementType, List<Value> elements) {
    return Construct.set(elementType, elements);
  }

  static Value emptySet(Type elementType) {
    return new SetValue(elementType, List.of(), false);
  }

  /** A map of the given entries, converted to their unified type. */
  static Value map(Map<String, Value> entries) {
    return Construct.map(entries);
  }

  static Value map(Type elementType, Map<String, Value> entries) {
    return Construct.map(elementType, entries);
  }

  static Value emptyMap(Type elementType) {
    return new MapValue(elementType, Map.of(), false);
  }

  static Value object(Map<String, Value> attributes) {
    return new ObjectValue(attributes, false);
  }

  static Value tuple(List<Value> elements) {
    return new TupleValue(elements, false);
  }

  static Value nullOf(Type type) {
    return new NullValue(type, false);
  }

  static Value unknown(Type type) {
    return new UnknownValue(type, false);
  }

  /**
   * A value from plain Java: String, any Number, Boolean, List (a tuple), Map with string keys (an
   * object), {@code null} (a dynamic null), or a Value (returned as is).
   */
  static Value fromJava(Object o) {
    return JavaValues.fromJava(o);
  }

  // ---- queries ----

  default boolean isNull() {
    return this instanceof NullValue;
  }

  default boolean isKnown() {
    return !(this instanceof UnknownValue);
  }

  /** Known here and in every part. */
  default boolean isWhollyKnown() {
    return switch (this) {
      case UnknownValue u -> false;
      case ListValue l -> l.elements().stream().allMatch(Value::isWhollyKnown);
      case SetValue s -> s.elements().stream().allMatch(Value::isWhollyKnown);
      case TupleValue t -> t.elements().stream().allMatch(Value::isWhollyKnown);
      case MapValue m -> m.entries().values().stream().allMatch(Value::isWhollyKnown);
      case ObjectValue o -> o.attributes().values().stream().allMatch(Value::isWhollyKnown);
      default -> true;
    };
  }

  /** The string of a known, non-null string value. */
  default String asString() {
    if (this instanceof StringValue s) {
      return s.value();
    }
    throw wrongKind("a string");
  }

  default BigDecimal asNumber() {
    if (this instanceof NumberValue n) {
      return n.value();
    }
    throw wrongKind("a number");
  }

  default boolean asBool() {
    if (this instanceof BoolValue b) {
      return b.value();
    }
    throw wrongKind("a bool");
  }

  /** The elements of a list, set or tuple (in order), or the values of a map or object. */
  default List<Value> elements() {
    return switch (this) {
      case ListValue l -> l.elements();
      case SetValue s -> s.elements();
      case TupleValue t -> t.elements();
      case MapValue m -> List.copyOf(m.entries().values());
      case ObjectValue o -> List.copyOf(o.attributes().values());
      default -> throw wrongKind("a collection or structure");
    };
  }

  /** The entries of a map or the attributes of an object, sorted by key. */
  default Map<String, Value> attributes() {
    return switch (this) {
      case MapValue m -> m.entries();
      case ObjectValue o -> o.attributes();
      default -> throw wrongKind("a map or object");
    };
  }

  /** Number of elements of a collection or structure, or characters of a string. */
  default int length() {
    if (this instanceof StringValue s) {
      return Text.graphemeLength(s.value());
    }
    return elements().size();
  }

  /** The attribute or map entry {@code name}, if present. */
  default Optional<Value> get(String name) {
    return Optional.ofNullable(attributes().get(name));
  }

  /**
   * This value as plain Java, as {@code dev.ingot.plugin.Config} wants it: String, BigDecimal,
   * Boolean, List, Map (sorted), or null. Sensitive marks are dropped (the caller tracks them).
   *
   * @throws IllegalStateException if the value is not wholly known
   */
  default Object toJava() {
    return JavaValues.toJava(this);
  }

  private IllegalStateException wrongKind(String wanted) {
    return new IllegalStateException(
        "expected " + wanted + " value, got " + (isNull() ? "null" : type().friendlyName()));
  }
}
