package dev.ingot.template.eval;

import dev.ingot.diag.Range;
import dev.ingot.diag.Suggest;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.ListType;
import dev.ingot.template.value.MapType;
import dev.ingot.template.value.ObjectType;
import dev.ingot.template.value.SetType;
import dev.ingot.template.value.TupleType;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.math.BigDecimal;

/**
 * Attribute access and indexing of values, with HCL's messages ("Unsupported attribute", "Invalid
 * index", ...). A sensitive collection or key makes the result sensitive; an unknown one makes it
 * unknown.
 */
final class Traversals {
  private static final String INVALID_INDEX = "Invalid index";
  private static final String NO_ELEMENT =
      "The given key does not identify an element in this collection value";

  private Traversals() {}

  static Value getAttr(Eval ev, Value obj, String name, Range subject) {
    boolean sensitive = obj.isSensitive();
    if (obj.isNull()) {
      ev.error(
          "Attempt to get attribute from null value",
          "This value is null, so it does not have any attributes.",
          subject);
      return Eval.DYNAMIC;
    }
    Type ty = obj.type();
    switch (ty) {
      case ObjectType o -> {
        Type at = o.attributes().get(name);
        if (at == null) {
          String hint = Suggest.didYouMean(name, o.attributes().keySet());
          ev.error(
              "Unsupported attribute",
              "This object does not have an attribute named \""
                  + name
                  + "\"."
                  + (hint.isEmpty() ? "" : " " + hint),
              subject);
          return Eval.DYNAMIC;
        }
        if (!obj.isKnown()) {
          return Value.unknown(at).markedIf(sensitive);
        }
        return obj.get(name).orElseThrow().markedIf(sensitive);
      }
      case MapType m -> {
        if (!obj.isKnown()) {
          return Value.unknown(m.element()).markedIf(sensitive);
        }
        return obj.get(name)
            .map(v -> v.markedIf(sensitive))
            .orElseGet(
                () -> {
                  ev.error(
                      "Missing map element",
                      "This map does not have an element with the key \"" + name + "\".",
                      subject);
                  return Eval.DYNAMIC;
                });
      }
      default -> {
        if (ty == Type.DYNAMIC) {
          return Eval.DYNAMIC.markedIf(sensitive);
        }
        ev.error("Unsupported attribute", "This value does not have any attributes.", subject);
        return Eval.DYNAMIC;
      }
    }
  }

  static Value index(Eval ev, Value coll, Value key, Range subject) {
    boolean sensitive = coll.isSensitive() || key.containsSensitive();
    if (coll.isNull()) {
      ev.error(
          "Attempt to index null value",
          "This value is null, so it does not have any indices.",
          subject);
      return Eval.DYNAMIC;
    }
    if (key.isNull()) {
      ev.error(INVALID_INDEX, "Can't use a null value as an indexing key.", subject);
      return Eval.DYNAMIC;
    }
    Type ty = coll.type();
    if (ty == Type.DYNAMIC || key.type() == Type.DYNAMIC) {
      return Eval.DYNAMIC.markedIf(sensitive);
    }
    Value k = key.unmarkDeep();
    return switch (ty) {
      case ListType l -> sequence(ev, coll, k, l.element(), subject).markedIf(sensitive);
      case TupleType t -> sequence(ev, coll, k, Type.DYNAMIC, subject).markedIf(sensitive);
      case MapType m -> keyed(ev, coll, k, m.element(), subject).markedIf(sensitive);
      case ObjectType o -> keyed(ev, coll, k, Type.DYNAMIC, subject).markedIf(sensitive);
      case SetType s -> {
        ev.error(
            INVALID_INDEX,
            "Elements of a set are identified only by their value and don't have any separate"
                + " index or key to select with, so it's only possible to perform operations"
                + " across all elements of the set.",
            subject);
        yield Eval.DYNAMIC;
      }
      default -> {
        ev.error(INVALID_INDEX, "This value does not have any indices.", subject);
        yield Eval.DYNAMIC;
      }
    };
  }

  private static Value convertKey(Eval ev, Value key, Type want, Range subject) {
    try {
      return Convert.to(key, want);
    } catch (ConversionException e) {
      ev.error(INVALID_INDEX, NO_ELEMENT + ": " + e.getMessage() + ".", subject);
      return null;
    }
  }

  /** A list or tuple element by number; {@code elem} is the list's element type. */
  private static Value sequence(Eval ev, Value coll, Value key, Type elem, Range subject) {
    Value k = convertKey(ev, key, Type.NUMBER, subject);
    if (k == null) {
      return Eval.DYNAMIC;
    }
    if (!k.isKnown() || !coll.isKnown()) {
      return elem == Type.DYNAMIC ? Eval.DYNAMIC : Value.unknown(elem);
    }
    BigDecimal n = k.asNumber();
    int size = coll.elements().size();
    if (n.signum() >= 0
        && n.stripTrailingZeros().scale() <= 0
        && n.compareTo(BigDecimal.valueOf(size)) < 0) {
      return coll.elements().get(n.intValueExact());
    }
    if (n.stripTrailingZeros().scale() > 0) {
      ev.error(
          INVALID_INDEX,
          NO_ELEMENT
              + ". Indexing a sequence requires a whole number, but the given index ("
              + ValuePrinter.number(n)
              + ") has a fractional part.",
          subject);
    } else {
      ev.error(INVALID_INDEX, NO_ELEMENT + ".", subject);
    }
    return Eval.DYNAMIC;
  }

  /** A map element or object attribute by string key. */
  private static Value keyed(Eval ev, Value coll, Value key, Type elem, Range subject) {
    Value k = convertKey(ev, key, Type.STRING, subject);
    if (k == null) {
      return Eval.DYNAMIC;
    }
    if (!k.isKnown() || !coll.isKnown()) {
      if (coll.type() instanceof ObjectType o && k.isKnown()) {
        Type at = o.attributes().get(k.asString());
        if (at != null) {
          return Value.unknown(at);
        }
      }
      return elem == Type.DYNAMIC ? Eval.DYNAMIC : Value.unknown(elem);
    }
    return coll.get(k.asString())
        .orElseGet(
            () -> {
              String hint = Suggest.didYouMean(k.asString(), coll.attributes().keySet());
              ev.error(
                  INVALID_INDEX, NO_ELEMENT + "." + (hint.isEmpty() ? "" : " " + hint), subject);
              return Eval.DYNAMIC;
            });
  }
}
