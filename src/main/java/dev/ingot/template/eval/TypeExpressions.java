package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.ObjectItem;
import dev.ingot.template.value.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a type constraint written as an expression, as in {@code variable "x" { type =
 * list(object({name = string})) }}: the keywords {@code string}, {@code number}, {@code bool},
 * {@code any} and the constructors {@code list}, {@code set}, {@code map}, {@code object}, {@code
 * tuple}. Stateless and thread-safe.
 */
public final class TypeExpressions {
  private static final String INVALID = "Invalid type specification";

  /** The type (or {@link Type#DYNAMIC} after errors) and the problems found. */
  public record Result(Type type, Diagnostics diagnostics) {}

  private final List<Diagnostic> diags = new ArrayList<>();

  private TypeExpressions() {}

  public static Result evaluate(Expr expr) {
    TypeExpressions t = new TypeExpressions();
    Type type = t.type(expr);
    return new Result(t.diags.isEmpty() ? type : Type.DYNAMIC, new Diagnostics(t.diags));
  }

  private Type fail(String detail, Range where) {
    diags.add(Diagnostic.error(INVALID, detail, where));
    return Type.DYNAMIC;
  }

  private Type type(Expr e) {
    return switch (e) {
      case Expr.Paren p -> type(p.inner());
      case Expr.ScopeTraversal t when t.steps().size() == 1 -> keyword(t.rootName(), t.range());
      case Expr.Call c -> call(c);
      default ->
          fail(
              "A type specification is either a primitive type keyword (bool, number, string) or"
                  + " a complex type constructor call, like list(string).",
              e.range());
    };
  }

  private Type keyword(String name, Range where) {
    return switch (name) {
      case "string" -> Type.STRING;
      case "number" -> Type.NUMBER;
      case "bool" -> Type.BOOL;
      case "any" -> Type.DYNAMIC;
      case "list", "set", "map", "object", "tuple" ->
          fail(
              "The "
                  + name
                  + " type constructor requires one argument specifying the element"
                  + " type.",
              where);
      default -> fail("The keyword \"" + name + "\" is not a valid type specification.", where);
    };
  }

  private Type call(Expr.Call c) {
    String name = c.name();
    switch (name) {
      case "string", "number", "bool", "any" -> {
        return fail(
            "Primitive type keyword \"" + name + "\" does not expect arguments.", c.range());
      }
      case "list", "set", "map", "object", "tuple" -> {}
      default -> {
        return fail("Keyword \"" + name + "\" is not a valid type constructor.", c.nameRange());
      }
    }
    if (c.args().size() != 1 || c.expandFinal()) {
      return fail(
          "The " + name + " type constructor requires one argument specifying the element type.",
          c.range());
    }
    Expr arg = c.args().get(0);
    return switch (name) {
      case "list" -> Type.list(type(arg));
      case "set" -> Type.set(type(arg));
      case "map" -> Type.map(type(arg));
      case "object" -> object(arg);
      default -> tuple(arg);
    };
  }

  private Type object(Expr arg) {
    if (!(arg instanceof Expr.ObjectCons o)) {
      return fail(
          "Object type constructor requires a map whose keys are attribute names and whose"
              + " values are the corresponding attribute types.",
          arg.range());
    }
    Map<String, Type> attrs = new LinkedHashMap<>();
    for (ObjectItem item : o.items()) {
      String key = item.literalKey().orElse(null);
      if (key == null && item.key() instanceof Expr.Template t) {
        key = t.literalText().orElse(null);
      }
      if (key == null) {
        fail("Object constructor map keys must be attribute names.", item.key().range());
        continue;
      }
      attrs.put(key, type(item.value()));
    }
    return Type.object(attrs);
  }

  private Type tuple(Expr arg) {
    if (!(arg instanceof Expr.TupleCons t)) {
      return fail("Tuple type constructor requires a list of element types.", arg.range());
    }
    List<Type> elems = new ArrayList<>();
    for (Expr e : t.items()) {
      elems.add(type(e));
    }
    return Type.tuple(elems);
  }
}
