package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.diag.Suggest;
import dev.ingot.template.fn.Function;
import dev.ingot.template.fn.FunctionException;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Function calls: looks the function up, evaluates and expands the arguments, invokes it and places
 * a failure on the argument it is about. {@code can}, {@code try} and {@code convert} are special
 * forms evaluated here: the first two need their arguments unevaluated, and convert's second
 * argument is a type expression ({@code list(string)}), not a value.
 */
final class Calls {
  private final Eval ev;

  Calls(Eval ev) {
    this.ev = ev;
  }

  Value call(Expr.Call c, Scope s) {
    if (c.name().equals("can") || c.name().equals("try")) {
      return specialForm(c, s);
    }
    if (!ev.ctx.functionsAllowed()) {
      ev.error("Function calls not allowed", "Functions may not be called here.", c.nameRange());
      return Eval.DYNAMIC;
    }
    if (c.name().equals("convert")) {
      return convert(c, s);
    }
    Optional<Function> found = ev.ctx.functions().get(c.name());
    if (found.isEmpty()) {
      List<String> names = new ArrayList<>(ev.ctx.functions().names());
      names.add("can");
      names.add("try");
      names.add("convert");
      String hint = Suggest.didYouMean(c.name(), names);
      ev.error(
          "Call to unknown function",
          "There is no function named \"" + c.name() + "\"." + (hint.isEmpty() ? "" : " " + hint),
          c.nameRange());
      return Eval.DYNAMIC;
    }
    int mark = ev.mark();
    List<Value> args = new ArrayList<>();
    List<Expr> argExprs = c.args();
    int fixed = c.expandFinal() ? argExprs.size() - 1 : argExprs.size();
    for (int i = 0; i < fixed; i++) {
      args.add(ev.eval(argExprs.get(i), s));
    }
    if (c.expandFinal() && !expand(argExprs.get(fixed), s, args)) {
      return Eval.DYNAMIC;
    }
    if (ev.errorsSince(mark)) {
      return Eval.DYNAMIC;
    }
    try {
      return found.get().invoke(List.copyOf(args), ev.ctx.functionContext());
    } catch (FunctionException e) {
      Range subject = c.range();
      if (e.argIndex() >= 0 && !argExprs.isEmpty()) {
        subject = argExprs.get(Math.min(e.argIndex(), argExprs.size() - 1)).range();
      }
      ev.error(e.summary(), e.detail(), subject);
      return Eval.DYNAMIC;
    } catch (RuntimeException e) {
      // A defect in a function must not take the whole evaluation down with a stack trace.
      ev.error(
          "Error in function call",
          "Call to function \"" + c.name() + "\" failed: internal error: " + e + ".",
          c.range());
      return Eval.DYNAMIC;
    }
  }

  /** {@code convert(value, type)}: the value converted to the type, as a variable's type would. */
  private Value convert(Expr.Call c, Scope s) {
    if (c.expandFinal() || c.args().size() != 2) {
      boolean few = c.args().size() < 2;
      ev.error(
          few ? "Not enough function arguments" : "Too many function arguments",
          "Function \"convert\" expects 2 arguments: a value and a type, like list(string).",
          few ? c.closeParenRange() : c.args().get(c.args().size() - 1).range());
      return Eval.DYNAMIC;
    }
    TypeExpressions.Result t = TypeExpressions.evaluate(c.args().get(1));
    if (t.diagnostics().hasErrors()) {
      ev.diags.addAll(t.diagnostics().all());
      return Eval.DYNAMIC;
    }
    int mark = ev.mark();
    Value v = ev.eval(c.args().get(0), s);
    if (ev.errorsSince(mark)) {
      return Eval.DYNAMIC;
    }
    try {
      return dev.ingot.template.value.Convert.to(v, t.type());
    } catch (dev.ingot.template.value.ConversionException e) {
      ev.error(
          "Invalid function argument",
          "Invalid value for \"value\" parameter: " + e.getMessage() + ".",
          c.args().get(0).range());
      return Eval.DYNAMIC;
    }
  }

  /** Appends the elements of the {@code ...} argument; false if the call cannot proceed. */
  private boolean expand(Expr last, Scope s, List<Value> args) {
    Value v = ev.eval(last, s);
    if (v.isNull()) {
      ev.error(
          "Invalid expanding argument value",
          "The expanding argument (indicated by ...) must not be null.",
          last.range());
      return false;
    }
    Type t = v.type();
    boolean sequence =
        t instanceof dev.ingot.template.value.ListType
            || t instanceof dev.ingot.template.value.SetType
            || t instanceof dev.ingot.template.value.TupleType;
    if (t == Type.DYNAMIC || (sequence && !v.isKnown())) {
      return false; // not known yet: the call's result is unknown
    }
    if (!sequence) {
      ev.error(
          "Invalid expanding argument value",
          "The expanding argument (indicated by ...) must be of a tuple, list, or set type.",
          last.range());
      return false;
    }
    boolean sensitive = v.isSensitive();
    v.elements().forEach(e -> args.add(e.markedIf(sensitive)));
    return true;
  }

  private Value specialForm(Expr.Call c, Scope s) {
    boolean isCan = c.name().equals("can");
    if (c.expandFinal()) {
      ev.error(
          "Invalid expanding argument value",
          "The " + c.name() + " function does not accept an expanded argument (...).",
          c.range());
      return Eval.DYNAMIC;
    }
    if (c.args().isEmpty() || (isCan && c.args().size() > 1)) {
      ev.error(
          c.args().isEmpty() ? "Not enough function arguments" : "Too many function arguments",
          isCan
              ? "Function \"can\" expects 1 argument."
              : "Function \"try\" expects at least one argument.",
          c.args().isEmpty() ? c.closeParenRange() : c.args().get(1).range());
      return Eval.DYNAMIC;
    }
    return isCan ? can(c.args().get(0), s) : tryForm(c, s);
  }

  private Value can(Expr e, Scope s) {
    int mark = ev.mark();
    Value v = ev.eval(e, s);
    boolean failed = ev.errorsSince(mark);
    ev.takeSince(mark);
    if (failed) {
      return Value.FALSE;
    }
    return v.isWhollyKnown() ? Value.TRUE : Value.unknown(Type.BOOL);
  }

  private Value tryForm(Expr.Call c, Scope s) {
    List<Diagnostic> failures = new ArrayList<>();
    for (Expr e : c.args()) {
      int mark = ev.mark();
      Value v = ev.eval(e, s);
      List<Diagnostic> ds = ev.takeSince(mark);
      if (ds.stream().anyMatch(Diagnostic::isError)) {
        failures.addAll(ds.stream().filter(Diagnostic::isError).toList());
        continue;
      }
      ev.diags.addAll(ds); // warnings of the chosen expression stay
      return v.isWhollyKnown() ? v : Eval.DYNAMIC;
    }
    StringBuilder sb =
        new StringBuilder("Call to function \"try\" failed: no expression succeeded:");
    for (Diagnostic d : failures) {
      sb.append("\n- ").append(d.summary());
      if (d.subject() != null) {
        Range r = d.subject();
        sb.append(" (at ")
            .append(r.filename())
            .append(':')
            .append(r.start().line())
            .append(',')
            .append(r.start().column())
            .append('-')
            .append(r.end().column())
            .append(')');
      }
      if (!d.detail().isEmpty()) {
        sb.append("\n  ").append(d.detail());
      }
    }
    sb.append("\n\nAt least one expression must produce a successful result.");
    ev.error("Error in function call", sb.toString(), c.range());
    return Eval.DYNAMIC;
  }
}
