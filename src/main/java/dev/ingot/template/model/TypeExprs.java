package dev.ingot.template.model;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.ObjectItem;
import dev.ingot.template.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a type constraint written as an expression, as HCL's typeexpr does: {@code string}, {@code
 * number}, {@code bool}, {@code any}, and the constructors {@code list(T)}, {@code set(T)}, {@code
 * map(T)}, {@code object({name = T, …})}, {@code tuple([T, …])}. Stateless.
 */
public final class TypeExprs {
  private static final String SUMMARY = "Invalid type specification";

  private TypeExprs() {}

  /** The type, or empty after adding the diagnostics that say why not. */
  public static Optional<Type> parse(Expr e, List<Diagnostic> diags) {
    int before = diags.size();
    Type t = type(e, diags);
    return diags.size() > before ? Optional.empty() : Optional.of(t);
  }

  private static Type type(Expr e, List<Diagnostic> diags) {
    if (e instanceof Expr.Paren p) {
      return type(p.inner(), diags);
    }
    if (e instanceof Expr.ScopeTraversal t && t.steps().size() == 1) {
      return keyword(t, diags);
    }
    if (e instanceof Expr.Call c) {
      return call(c, diags);
    }
    return fail(
        "A type specification is either a primitive type keyword (bool, number, string) or a"
            + " complex type constructor call, like list(string).",
        e,
        diags);
  }

  private static Type keyword(Expr.ScopeTraversal t, List<Diagnostic> diags) {
    String k = t.rootName();
    return switch (k) {
      case "string" -> Type.STRING;
      case "number" -> Type.NUMBER;
      case "bool" -> Type.BOOL;
      case "any" -> Type.DYNAMIC;
      case "list", "set", "map" ->
          fail(
              "The " + k + " type constructor requires one argument specifying the element type.",
              t,
              diags);
      case "object" ->
          fail(
              "The object type constructor requires one argument specifying the attribute types"
                  + " as a map.",
              t,
              diags);
      case "tuple" ->
          fail(
              "The tuple type constructor requires one argument specifying the element types as"
                  + " a list.",
              t,
              diags);
      default ->
          fail("The keyword \"" + k + "\" is not a valid type specification." + hint(k), t, diags);
    };
  }

  private static String hint(String k) {
    String s =
        dev.ingot.diag.Suggest.didYouMean(
            k, List.of("string", "number", "bool", "any", "list", "set", "map", "object", "tuple"));
    return s.isEmpty() ? "" : " " + s;
  }

  private static Type call(Expr.Call c, List<Diagnostic> diags) {
    String n = c.name();
    switch (n) {
      case "string", "number", "bool", "any" -> {
        return fail("Primitive type keyword \"" + n + "\" does not expect arguments.", c, diags);
      }
      case "list", "set", "map" -> {
        if (c.args().size() != 1) {
          return fail(
              "The " + n + " type constructor requires one argument specifying the element type.",
              c,
              diags);
        }
        Type elem = type(c.args().get(0), diags);
        return switch (n) {
          case "list" -> Type.list(elem);
          case "set" -> Type.set(elem);
          default -> Type.map(elem);
        };
      }
      case "object" -> {
        return object(c, diags);
      }
      case "tuple" -> {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.TupleCons list)) {
          return fail("The tuple type constructor requires a list of element types.", c, diags);
        }
        List<Type> elems = new ArrayList<>();
        list.items().forEach(i -> elems.add(type(i, diags)));
        return Type.tuple(elems);
      }
      default -> {
        return fail("Keyword \"" + n + "\" is not a valid type constructor." + hint(n), c, diags);
      }
    }
  }

  private static Type object(Expr.Call c, List<Diagnostic> diags) {
    if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.ObjectCons obj)) {
      return fail(
          "Object type constructor requires a map whose keys are attribute names and whose"
              + " values are the corresponding attribute types.",
          c,
          diags);
    }
    Map<String, Type> attrs = new TreeMap<>();
    for (ObjectItem item : obj.items()) {
      Optional<String> key =
          item.literalKey()
              .or(() -> item.key() instanceof Expr.Template t ? t.literalText() : Optional.empty());
      if (key.isEmpty()) {
        fail("Object constructor map keys must be attribute names.", item.key(), diags);
        continue;
      }
      attrs.put(key.get(), type(item.value(), diags));
    }
    return Type.object(attrs);
  }

  private static Type fail(String detail, Expr at, List<Diagnostic> diags) {
    diags.add(Diagnostic.error(SUMMARY, detail, at.range()));
    return Type.DYNAMIC;
  }
}
