package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads expressions that must be constant, as Packer decodes some settings without any variables
 * (build names, source lists, descriptions, flags of variable blocks): literal strings, numbers,
 * bools and lists of them. A reference is "Variables not allowed" and a function call "Function
 * calls not allowed", each at the offending expression, as HCL says it. Stateless.
 */
final class Literals {
  private Literals() {}

  static Optional<String> string(Expr e, List<Diagnostic> diags) {
    return switch (e) {
      case Expr.Template t -> templateText(t, diags);
      case Expr.Number n -> Optional.of(n.value().stripTrailingZeros().toPlainString());
      case Expr.Bool b -> Optional.of(Boolean.toString(b.value()));
      case Expr.Paren p -> string(p.inner(), diags);
      default -> notConstant(e, "a string", diags);
    };
  }

  static Optional<Boolean> bool(Expr e, List<Diagnostic> diags) {
    return switch (e) {
      case Expr.Bool b -> Optional.of(b.value());
      case Expr.Paren p -> bool(p.inner(), diags);
      case Expr.Template t -> {
        Optional<String> s = templateText(t, diags);
        if (s.isEmpty()) {
          yield Optional.empty();
        }
        if (s.get().equals("true") || s.get().equals("false")) {
          yield Optional.of(Boolean.parseBoolean(s.get()));
        }
        yield unsuitable(e, "a bool is required", diags);
      }
      default -> notConstant(e, "a bool", diags);
    };
  }

  /** A list of constant strings; each element with its expression (for diagnostics). */
  static Optional<List<Element>> strings(Expr e, List<Diagnostic> diags) {
    Expr inner = e instanceof Expr.Paren p ? p.inner() : e;
    if (!(inner instanceof Expr.TupleCons t)) {
      return notConstant(inner, "a list of strings", diags);
    }
    List<Element> out = new ArrayList<>();
    boolean ok = true;
    for (Expr item : t.items()) {
      Optional<String> s = string(item, diags);
      if (s.isPresent()) {
        out.add(new Element(s.get(), item));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** One element of a constant list. */
  record Element(String value, Expr expr) {}

  private static Optional<String> templateText(Expr.Template t, List<Diagnostic> diags) {
    StringBuilder b = new StringBuilder();
    for (TemplatePart p : t.parts()) {
      if (p instanceof TemplatePart.Text text) {
        b.append(text.value());
      } else if (p instanceof TemplatePart.Interp i && isConstant(i.expr())) {
        b.append(string(i.expr(), diags).orElse(""));
      } else {
        return notConstant(t, "a string", diags);
      }
    }
    return Optional.of(b.toString());
  }

  private static boolean isConstant(Expr e) {
    return e instanceof Expr.Template || e instanceof Expr.Number || e instanceof Expr.Bool;
  }

  /** Reports why {@code e} is not a constant: each reference, each call, or its kind. */
  private static <T> Optional<T> notConstant(Expr e, String wanted, List<Diagnostic> diags) {
    int before = diags.size();
    for (Expr.ScopeTraversal ref : e.references()) {
      diags.add(
          Diagnostic.error(
              "Variables not allowed", "Variables may not be used here.", ref.range()));
    }
    calls(e, diags);
    if (diags.size() == before) {
      unsuitable(e, wanted + " is required", diags);
    }
    return Optional.empty();
  }

  private static <T> Optional<T> unsuitable(Expr e, String why, List<Diagnostic> diags) {
    diags.add(
        Diagnostic.error("Unsuitable value type", "Unsuitable value: " + why + ".", e.range()));
    return Optional.empty();
  }

  private static void calls(Expr e, List<Diagnostic> diags) {
    ExprWalker.each(
        e,
        x -> {
          if (x instanceof Expr.Call c) {
            diags.add(
                Diagnostic.error(
                    "Function calls not allowed", "Functions may not be called here.", c.range()));
          }
        });
  }
}
