package dev.ingot.template.value;

import java.util.List;
import java.util.Map;

/**
 * The type of an HCL value, modelled on go-cty's type system: three primitive types, the dynamic
 * pseudo-type ({@code any}) and five structural or collection kinds. Types are immutable values
 * compared with {@code equals}; safe to share between threads.
 */
public sealed interface Type
    permits PrimitiveType, DynamicType, ListType, SetType, MapType, ObjectType, TupleType {
  Type STRING = PrimitiveType.STRING;
  Type NUMBER = PrimitiveType.NUMBER;
  Type BOOL = PrimitiveType.BOOL;

  /** The pseudo-type "any": a placeholder for a type not known yet, or a constraint. */
  Type DYNAMIC = DynamicType.DYNAMIC;

  static Type list(Type elem) {
    return new ListType(elem);
  }

  static Type set(Type elem) {
    return new SetType(elem);
  }

  static Type map(Type elem) {
    return new MapType(elem);
  }

  static Type object(Map<String, Type> attributes) {
    return new ObjectType(attributes);
  }

  static Type tuple(List<Type> elements) {
    return new TupleType(elements);
  }

  /** The type as HCL names it in messages: "string", "list of string", "object", "tuple". */
  default String friendlyName() {
    return switch (this) {
      case PrimitiveType p -> p.keyword();
      case DynamicType d -> "dynamic";
      case ListType l -> "list of " + l.element().friendlyName();
      case SetType s -> "set of " + s.element().friendlyName();
      case MapType m -> "map of " + m.element().friendlyName();
      case ObjectType o -> "object";
      case TupleType t -> "tuple";
    };
  }

  /**
   * The name used for a type constraint in messages: like {@link #friendlyName} but "any type" for
   * the dynamic pseudo-type and "list of any single type" for {@code list(any)}.
   */
  default String constraintName() {
    return switch (this) {
      case DynamicType d -> "any type";
      case ListType l -> "list of " + elementConstraint(l.element());
      case SetType s -> "set of " + elementConstraint(s.element());
      case MapType m -> "map of " + elementConstraint(m.element());
      default -> friendlyName();
    };
  }

  private static String elementConstraint(Type elem) {
    return elem == DYNAMIC ? "any single type" : elem.constraintName();
  }

  /** The type in HCL type-expression syntax: {@code list(string)}, {@code object({a=number})}. */
  default String typeExpr() {
    return switch (this) {
      case PrimitiveType p -> p.keyword();
      case DynamicType d -> "any";
      case ListType l -> "list(" + l.element().typeExpr() + ")";
      case SetType s -> "set(" + s.element().typeExpr() + ")";
      case MapType m -> "map(" + m.element().typeExpr() + ")";
      case ObjectType o -> {
        StringBuilder b = new StringBuilder("object({");
        String sep = "";
        for (var e : o.attributes().entrySet()) {
          b.append(sep).append(e.getKey()).append('=').append(e.getValue().typeExpr());
          sep = ", ";
        }
        yield b.append("})").toString();
      }
      case TupleType t ->
          "tuple([" + String.join(", ", t.elements().stream().map(Type::typeExpr).toList()) + "])";
    };
  }

  default boolean isPrimitive() {
    return this instanceof PrimitiveType;
  }

  /** List, set or map: a collection whose elements all share one type. */
  default boolean isCollection() {
    return this instanceof ListType || this instanceof SetType || this instanceof MapType;
  }

  /** Object or tuple: a structure whose parts each have their own type. */
  default boolean isStructural() {
    return this instanceof ObjectType || this instanceof TupleType;
  }

  /** True when the type is or contains the dynamic pseudo-type. */
  default boolean hasDynamic() {
    return switch (this) {
      case PrimitiveType p -> false;
      case DynamicType d -> true;
      case ListType l -> l.element().hasDynamic();
      case SetType s -> s.element().hasDynamic();
      case MapType m -> m.element().hasDynamic();
      case ObjectType o -> o.attributes().values().stream().anyMatch(Type::hasDynamic);
      case TupleType t -> t.elements().stream().anyMatch(Type::hasDynamic);
    };
  }

  /** The element type of a list, set or map; {@code null} for other types. */
  default Type elementType() {
    return switch (this) {
      case ListType l -> l.element();
      case SetType s -> s.element();
      case MapType m -> m.element();
      default -> null;
    };
  }
}
