package dev.ingot.template.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Type-level conversion rules: which types convert, unification, and mismatch messages. */
final class TypeConversions {
  private TypeConversions() {}

  static boolean convertible(Type from, Type to, boolean safeOnly) {
    if (to == Type.DYNAMIC || from == Type.DYNAMIC || from.equals(to)) {
      return true;
    }
    return switch (to) {
      case PrimitiveType p -> primitive(from, p, safeOnly);
      case DynamicType d -> true;
      case ListType l -> sequence(from, l.element(), safeOnly);
      case SetType s -> sequence(from, s.element(), safeOnly);
      case MapType m -> mapping(from, m.element(), safeOnly);
      case ObjectType o -> object(from, o, safeOnly);
      case TupleType t -> tuple(from, t, safeOnly);
    };
  }

  private static boolean primitive(Type from, PrimitiveType to, boolean safeOnly) {
    if (!(from instanceof PrimitiveType)) {
      return false;
    }
    return to == PrimitiveType.STRING || (!safeOnly && from == PrimitiveType.STRING);
  }

  private static boolean sequence(Type from, Type elem, boolean safeOnly) {
    return switch (from) {
      case ListType l -> convertible(l.element(), elem, safeOnly);
      case SetType s -> convertible(s.element(), elem, safeOnly);
      case TupleType t -> all(t.elements(), elem, safeOnly);
      default -> false;
    };
  }

  private static boolean mapping(Type from, Type elem, boolean safeOnly) {
    return switch (from) {
      case MapType m -> convertible(m.element(), elem, safeOnly);
      case ObjectType o -> all(List.copyOf(o.attributes().values()), elem, safeOnly);
      default -> false;
    };
  }

  private static boolean all(List<Type> types, Type elem, boolean safeOnly) {
    for (Type t : types) {
      if (!convertible(t, elem, safeOnly)) {
        return false;
      }
    }
    return elem != Type.DYNAMIC || types.isEmpty() || unify(types).isPresent();
  }

  private static boolean object(Type from, ObjectType to, boolean safeOnly) {
    if (from instanceof MapType m) {
      return !safeOnly
          && to.attributes().values().stream().allMatch(t -> convertible(m.element(), t, safeOnly));
    }
    if (!(from instanceof ObjectType o)) {
      return false;
    }
    for (var e : to.attributes().entrySet()) {
      Type have = o.attributes().get(e.getKey());
      if (have == null || !convertible(have, e.getValue(), safeOnly)) {
        return false;
      }
    }
    return true;
  }

  private static boolean tuple(Type from, TupleType to, boolean safeOnly) {
    return switch (from) {
      case TupleType t -> {
        if (t.elements().size() != to.elements().size()) {
          yield false;
        }
        for (int i = 0; i < t.elements().size(); i++) {
          if (!convertible(t.elements().get(i), to.elements().get(i), safeOnly)) {
            yield false;
          }
        }
        yield true;
      }
      case ListType l when !safeOnly -> all(to.elements(), l.element(), safeOnly);
      case SetType s when !safeOnly -> all(to.elements(), s.element(), safeOnly);
      default -> false;
    };
  }

  static Optional<Type> unify(List<Type> types) {
    Set<Type> distinct = new LinkedHashSet<>(types);
    // The dynamic pseudo-type (a null or unknown of no type yet) converts to anything, so it
    // does not constrain the result: unify(any, number, string) is string, as in cty.
    distinct.remove(Type.DYNAMIC);
    if (distinct.isEmpty()) {
      return Optional.of(Type.DYNAMIC);
    }
    if (distinct.size() == 1) {
      return Optional.of(distinct.iterator().next());
    }
    List<Type> ts = List.copyOf(distinct);
    if (ts.stream().allMatch(t -> t instanceof ObjectType)) {
      return unifyObjects(ts);
    }
    if (ts.stream().allMatch(t -> t instanceof TupleType)) {
      return unifyTuples(ts);
    }
    if (ts.stream().allMatch(t -> t instanceof ListType || t instanceof TupleType)) {
      return unify(elementTypes(ts)).map(Type::list);
    }
    if (ts.stream().allMatch(t -> t instanceof SetType || t instanceof TupleType)) {
      return unify(elementTypes(ts)).map(Type::set);
    }
    if (ts.stream().allMatch(t -> t instanceof MapType || t instanceof ObjectType)) {
      return unify(elementTypes(ts)).map(Type::map);
    }
    // Otherwise pick the first candidate that every other type converts to without loss.
    for (Type candidate : ts) {
      if (ts.stream().allMatch(t -> convertible(t, candidate, true))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<Type> unifyObjects(List<Type> ts) {
    Set<String> names = ((ObjectType) ts.get(0)).attributes().keySet();
    boolean same = ts.stream().allMatch(t -> ((ObjectType) t).attributes().keySet().equals(names));
    if (!same) {
      return unify(elementTypes(ts)).map(Type::map);
    }
    TreeMap<String, Type> attrs = new TreeMap<>();
    for (String name : names) {
      Optional<Type> u =
          unify(ts.stream().map(t -> ((ObjectType) t).attributes().get(name)).toList());
      if (u.isEmpty()) {
        return Optional.empty();
      }
      attrs.put(name, u.get());
    }
    return Optional.of(new ObjectType(attrs));
  }

  private static Optional<Type> unifyTuples(List<Type> ts) {
    int n = ((TupleType) ts.get(0)).elements().size();
    if (!ts.stream().allMatch(t -> ((TupleType) t).elements().size() == n)) {
      return unify(elementTypes(ts)).map(Type::list);
    }
    List<Type> elems = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      Optional<Type> u = unify(ts.stream().map(t -> ((TupleType) t).elements().get(k)).toList());
      if (u.isEmpty()) {
        return Optional.empty();
      }
      elems.add(u.get());
    }
    return Optional.of(new TupleType(elems));
  }

  /** All element or attribute types of collections and structures, flattened one level. */
  private static List<Type> elementTypes(List<Type> ts) {
    List<Type> out = new ArrayList<>();
    for (Type t : ts) {
      switch (t) {
        case ObjectType o -> out.addAll(o.attributes().values());
        case TupleType u -> out.addAll(u.elements());
        default -> out.add(t.elementType());
      }
    }
    return out;
  }

  /** The target type with its dynamic parts replaced by the matching parts of the source type. */
  static Type dynamicReplace(Type from, Type to) {
    return switch (to) {
      case DynamicType d -> from;
      case ListType l when from instanceof ListType f ->
          Type.list(dynamicReplace(f.element(), l.element()));
      case SetType s when from instanceof SetType f ->
          Type.set(dynamicReplace(f.element(), s.element()));
      case MapType m when from instanceof MapType f ->
          Type.map(dynamicReplace(f.element(), m.element()));
      default -> to;
    };
  }

  /** cty's mismatch message for a value of type {@code got} where {@code want} is required. */
  static String mismatch(Type got, Type want) {
    if (got instanceof ObjectType g && want instanceof ObjectType w) {
      for (var e : w.attributes().entrySet()) {
        Type have = g.attributes().get(e.getKey());
        String name = ValuePrinter.quote(e.getKey());
        if (have == null) {
          return "attribute " + name + " is required";
        }
        if (!convertible(have, e.getValue(), false)) {
          return "attribute " + name + ": " + mismatch(have, e.getValue());
        }
      }
    }
    if (want.elementType() == Type.DYNAMIC) {
      if (got instanceof TupleType && want instanceof ListType) {
        return "all list elements must have the same type";
      }
      if (got instanceof TupleType && want instanceof SetType) {
        return "all set elements must have the same type";
      }
      if (got instanceof ObjectType && want instanceof MapType) {
        return "all map elements must have the same type";
      }
    }
    if (want.isCollection()) {
      Optional<String> inner = elementMismatch(got, want.elementType());
      if (inner.isPresent()) {
        return inner.get();
      }
    }
    return want.constraintName() + " required";
  }

  private static Optional<String> elementMismatch(Type got, Type elem) {
    switch (got) {
      case TupleType t -> {
        for (int i = 0; i < t.elements().size(); i++) {
          if (!convertible(t.elements().get(i), elem, false)) {
            return Optional.of("element " + i + ": " + mismatch(t.elements().get(i), elem));
          }
        }
      }
      case ObjectType o -> {
        for (Map.Entry<String, Type> e : o.attributes().entrySet()) {
          if (!convertible(e.getValue(), elem, false)) {
            return Optional.of(
                "element " + ValuePrinter.quote(e.getKey()) + ": " + mismatch(e.getValue(), elem));
          }
        }
      }
      default -> {
        Type ge = got.elementType();
        if (ge != null && !convertible(ge, elem, false)) {
          return Optional.of("incorrect element type: " + mismatch(ge, elem));
        }
      }
    }
    return Optional.empty();
  }
}
