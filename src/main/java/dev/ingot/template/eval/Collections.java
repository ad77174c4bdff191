package dev.ingot.template.eval;

import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.ObjectItem;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.ListType;
import dev.ingot.template.value.SetType;
import dev.ingot.template.value.TupleType;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tuple and object constructors, {@code for} expressions and splats. */
final class Collections {
  private final Eval ev;

  Collections(Eval ev) {
    this.ev = ev;
  }

  Value tuple(Expr.TupleCons t, Scope s) {
    List<Value> items = new ArrayList<>(t.items().size());
    for (Expr e : t.items()) {
      items.add(ev.eval(e, s));
    }
    return Value.tuple(items);
  }

  Value object(Expr.ObjectCons o, Scope s) {
    Map<String, Value> attrs = new TreeMap<>();
    boolean unknown = false;
    boolean sensitive = false;
    for (ObjectItem item : o.items()) {
      String name = item.literalKey().orElse(null);
      if (name == null) {
        Value key = ev.eval(item.key(), s);
        if (key.isNull()) {
          ev.error("Null value as key", "Can't use a null value as a key.", item.key().range());
          unknown = true;
        } else {
          sensitive |= key.containsSensitive();
          try {
            Value k = Convert.to(key.unmarkDeep(), Type.STRING);
            if (k.isKnown()) {
              name = k.asString();
            } else {
              unknown = true;
            }
          } catch (ConversionException e) {
            ev.error(
                "Incorrect key type",
                "Can't use this value as a key: " + e.getMessage() + ".",
                item.key().range());
            unknown = true;
          }
        }
      }
      Value value = ev.eval(item.value(), s);
      if (name != null) {
        attrs.put(name, value); // as in HCL, a later duplicate key wins
      }
    }
    if (unknown) {
      return Eval.DYNAMIC.markedIf(sensitive);
    }
    return Value.object(attrs).markedIf(sensitive);
  }

  Value forExpr(Expr.For f, Scope s) {
    if (f.object() && f.keyExpr() == null) {
      return Eval.DYNAMIC; // the parser already reported the missing key expression
    }
    Value coll = ev.eval(f.collection(), s);
    Iteration it = Iteration.of(ev, coll, f.collection().range());
    if (it == null) {
      return Eval.DYNAMIC;
    }
    return new ForLoop(ev, f, s, it).run();
  }

  Value splat(Expr.Splat sp, Scope s) {
    Value source = ev.eval(sp.source(), s);
    if (source.type() == Type.DYNAMIC && !source.isKnown()) {
      return Eval.DYNAMIC;
    }
    Type ty = source.type();
    boolean sequence = ty instanceof ListType || ty instanceof SetType || ty instanceof TupleType;
    if (source.isNull()) {
      if (sequence) {
        ev.error(
            "Splat of null value",
            "Splat expressions (with the * symbol) cannot be applied to null sequences.",
            sp.source().range());
        return Eval.DYNAMIC;
      }
      return Value.EMPTY_TUPLE; // a null scalar becomes an empty tuple, per the spec
    }
    if (!sequence) {
      source = Value.tuple(List.of(source)); // a single value is treated as a one-element tuple
    }
    if (!source.isKnown()) {
      return Eval.DYNAMIC;
    }
    boolean sensitive = source.isSensitive();
    Expr.SplatItem item = splatItem(sp);
    List<Value> out = new ArrayList<>();
    for (Value e : source.elements()) {
      Scope inner = item == null ? s : s.withItem(item, e.markedIf(sensitive));
      out.add(ev.eval(sp.each(), inner));
    }
    if (ty instanceof ListType || ty instanceof SetType) {
      Value list = listOrTuple(out);
      return list.markedIf(sensitive);
    }
    return Value.tuple(out).markedIf(sensitive);
  }

  /** A list when the element types unify, else a tuple (which behaves the same for users). */
  private static Value listOrTuple(List<Value> values) {
    if (values.isEmpty()) {
      return Value.emptyList(Type.DYNAMIC);
    }
    try {
      return Value.list(values);
    } catch (RuntimeException e) {
      return Value.tuple(values);
    }
  }

  /** The placeholder the splat's per-element expression starts from. */
  private static Expr.SplatItem splatItem(Expr.Splat sp) {
    Expr e = sp.each();
    while (true) {
      switch (e) {
        case Expr.SplatItem i -> {
          return i;
        }
        case Expr.RelativeTraversal t -> e = t.source();
        case Expr.Index i -> e = i.collection();
        case Expr.Splat inner -> e = inner.source();
        default -> {
          return null;
        }
      }
    }
  }

  /** Builds the result of one {@code for} expression. */
  private static final class ForLoop {
    private final Eval ev;
    private final Expr.For f;
    private final Scope scope;
    private final Iteration it;
    private boolean unknown;
    private boolean sensitive;

    ForLoop(Eval ev, Expr.For f, Scope scope, Iteration it) {
      this.ev = ev;
      this.f = f;
      this.scope = scope;
      this.it = it;
      this.sensitive = it.sensitive();
    }

    Value run() {
      List<Value> tuple = new ArrayList<>();
      Map<String, Value> object = new LinkedHashMap<>();
      Map<String, List<Value>> groups = new LinkedHashMap<>();
      for (Iteration.Element e : it.elements()) {
        Scope inner = scope.with(f.keyVar(), e.key(), f.valueVar(), e.value());
        if (f.condition() != null && !include(inner)) {
          continue;
        }
        if (!f.object()) {
          tuple.add(ev.eval(f.valueExpr(), inner));
          continue;
        }
        String key = key(inner);
        Value value = ev.eval(f.valueExpr(), inner);
        if (key == null) {
          continue;
        }
        if (f.grouping()) {
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        } else if (object.putIfAbsent(key, value) != null) {
          ev.error(
              "Duplicate object key",
              "Two different items produced the key \""
                  + key
                  + "\" in this 'for' expression. If"
                  + " duplicates are expected, use the ellipsis (...) after the value expression to"
                  + " enable grouping by key.",
              f.keyExpr().range());
        }
      }
      if (unknown) {
        return Eval.DYNAMIC.markedIf(sensitive);
      }
      if (!f.object()) {
        return Value.tuple(tuple).markedIf(sensitive);
      }
      if (f.grouping()) {
        groups.forEach((k, vs) -> object.put(k, Value.tuple(vs)));
      }
      return Value.object(object).markedIf(sensitive);
    }

    private boolean include(Scope inner) {
      Value b =
          checked(
              ev.eval(f.condition(), inner),
              Type.BOOL,
              f.condition(),
              "Condition is null",
              "The value of the 'if' clause must not be null.",
              "Invalid 'for' condition",
              "The 'if' clause value is invalid: ");
      return b != null && b.asBool();
    }

    private String key(Scope inner) {
      Value s =
          checked(
              ev.eval(f.keyExpr(), inner),
              Type.STRING,
              f.keyExpr(),
              "Invalid object key",
              "Key expression in 'for' expression must not produce a null value.",
              "Invalid object key",
              "The key expression produced an invalid result: ");
      return s == null ? null : s.asString();
    }

    /**
     * {@code v} converted to {@code want}, or null when it is null, unknown or unsuitable (then the
     * result of the whole expression is unknown, and the first two are reported).
     */
    private Value checked(
        Value v,
        Type want,
        Expr where,
        String nullSummary,
        String nullDetail,
        String badSummary,
        String badPrefix) {
      if (v.isNull()) {
        ev.error(nullSummary, nullDetail, where.range());
        unknown = true;
        return null;
      }
      sensitive |= v.containsSensitive();
      try {
        Value c = Convert.to(v.unmarkDeep(), want);
        if (!c.isKnown()) {
          unknown = true;
          return null;
        }
        return c;
      } catch (ConversionException e) {
        ev.error(badSummary, badPrefix + e.getMessage() + ".", where.range());
        unknown = true;
        return null;
      }
    }
  }
}
