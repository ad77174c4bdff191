package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.NullValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * {@code cond ? a : b} as HCL evaluates it: both results are evaluated and must unify to one type,
 * but only the chosen one's errors are reported, so {@code length(l) > 0 ? l[0] : ""} is safe.
 */
final class Conditionals {
  private final Eval ev;

  Conditionals(Eval ev) {
    this.ev = ev;
  }

  Value evaluate(Expr.Conditional c, Scope s) {
    int m1 = ev.mark();
    Value t = ev.eval(c.whenTrue(), s);
    List<Diagnostic> trueDiags = ev.takeSince(m1);
    Value f = ev.eval(c.whenFalse(), s);
    List<Diagnostic> falseDiags = ev.takeSince(m1);
    Type type = resultType(t, f);
    if (type == null) {
      ev.error(
          "Inconsistent conditional result types",
          "The true and false result expressions must have consistent types. The given"
              + " expressions are "
              + t.type().friendlyName()
              + " and "
              + f.type().friendlyName()
              + ", respectively.",
          new Range(
              c.whenTrue().range().filename(),
              c.whenTrue().range().start(),
              c.whenFalse().range().end()));
      return Eval.DYNAMIC;
    }
    Value cond = ev.eval(c.condition(), s);
    if (cond.isNull()) {
      ev.error(
          "Null condition",
          "The condition value is null. Conditions must either be true or false.",
          c.condition().range());
      return Value.unknown(type);
    }
    boolean sensitive = cond.containsSensitive();
    if (!cond.isKnown()) {
      return Value.unknown(type).markedIf(sensitive);
    }
    Value b;
    try {
      b = Convert.to(cond, Type.BOOL).unmarkDeep();
    } catch (ConversionException e) {
      ev.error(
          "Incorrect condition type",
          "The condition expression must be of type bool.",
          c.condition().range());
      return Value.unknown(type);
    }
    if (!b.isKnown()) {
      return Value.unknown(type).markedIf(sensitive);
    }
    boolean which = b.asBool();
    ev.diags.addAll(which ? trueDiags : falseDiags);
    Value chosen = which ? t : f;
    Expr chosenExpr = which ? c.whenTrue() : c.whenFalse();
    try {
      return Convert.to(chosen, type).markedIf(sensitive);
    } catch (ConversionException e) {
      ev.error(
          "Inconsistent conditional result types",
          "The "
              + (which ? "true" : "false")
              + " result value has the wrong type: "
              + e.getMessage()
              + ".",
          chosenExpr.range());
      return Value.unknown(type);
    }
  }

  /** The type both results convert to, or null if there is none. */
  private static Type resultType(Value t, Value f) {
    if (isUntypedNull(t)) {
      return f.type();
    }
    if (isUntypedNull(f)) {
      return t.type();
    }
    if (t.type() == Type.DYNAMIC || f.type() == Type.DYNAMIC) {
      return Type.DYNAMIC;
    }
    Optional<Type> u = Convert.unify(List.of(t.type(), f.type()));
    return u.orElse(null);
  }

  private static boolean isUntypedNull(Value v) {
    return v instanceof NullValue n && n.type() == Type.DYNAMIC;
  }
}
