package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.TemplatePart;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;

/**
 * Renders templates: literal text, interpolations converted to strings, {@code %{if}} and {@code
 * %{for}} directives. A template that is only {@code "${expr}"} yields the value of {@code expr}
 * unchanged (HCL's unwrapping). Any unknown part makes the result an unknown string; any sensitive
 * part makes it sensitive.
 */
final class Templates {
  private final Eval ev;

  Templates(Eval ev) {
    this.ev = ev;
  }

  /** The text rendered so far, and whether it is unknown or sensitive. */
  private static final class Out {
    final StringBuilder text = new StringBuilder();
    boolean unknown;
    boolean sensitive;
  }

  Value template(Expr.Template t, Scope s) {
    if (t.isSingleInterpolation()) {
      return ev.eval(((TemplatePart.Interp) t.parts().get(0)).expr(), s);
    }
    Out out = new Out();
    render(t.parts(), s, out);
    Value v = out.unknown ? Value.unknown(Type.STRING) : Value.string(out.text.toString());
    return v.markedIf(out.sensitive);
  }

  private void render(List<TemplatePart> parts, Scope s, Out out) {
    for (TemplatePart part : parts) {
      switch (part) {
        case TemplatePart.Text t -> out.text.append(t.value());
        case TemplatePart.Interp i -> interpolate(ev.eval(i.expr(), s), i.expr(), out, false);
        case TemplatePart.If i -> ifDirective(i, s, out);
        case TemplatePart.For f -> forDirective(f, s, out);
      }
    }
  }

  private void interpolate(Value v, Expr where, Out out, boolean iteration) {
    if (v.isNull()) {
      ev.error(
          "Invalid template interpolation value",
          iteration
              ? "An iteration result is null. Cannot include a null value in a string template."
              : "The expression result is null. Cannot include a null value in a string template.",
          where.range());
      out.unknown = true;
      return;
    }
    out.sensitive |= v.containsSensitive();
    Value str;
    try {
      str = Convert.to(v.unmarkDeep(), Type.STRING);
    } catch (ConversionException e) {
      ev.error(
          "Invalid template interpolation value",
          "Cannot include the given value in a string template: " + e.getMessage() + ".",
          where.range());
      out.unknown = true;
      return;
    }
    if (!str.isKnown()) {
      out.unknown = true;
    } else {
      out.text.append(str.asString());
    }
  }

  private void ifDirective(TemplatePart.If i, Scope s, Out out) {
    int mark = ev.mark();
    Out then = new Out();
    render(i.then(), s, then);
    List<Diagnostic> thenDiags = ev.takeSince(mark);
    Out otherwise = new Out();
    render(i.otherwise(), s, otherwise);
    List<Diagnostic> elseDiags = ev.takeSince(mark);
    Value cond = ev.eval(i.condition(), s);
    if (cond.isNull()) {
      ev.error(
          "Null condition",
          "The condition value is null. Conditions must either be true or false.",
          i.condition().range());
      out.unknown = true;
      return;
    }
    out.sensitive |= cond.containsSensitive();
    Value b;
    try {
      b = Convert.to(cond.unmarkDeep(), Type.BOOL);
    } catch (ConversionException e) {
      ev.error(
          "Incorrect condition type",
          "The condition expression must be of type bool.",
          i.condition().range());
      out.unknown = true;
      return;
    }
    if (!b.isKnown()) {
      out.unknown = true;
      return;
    }
    Out chosen = b.asBool() ? then : otherwise;
    ev.diags.addAll(b.asBool() ? thenDiags : elseDiags);
    out.text.append(chosen.text);
    out.unknown |= chosen.unknown;
    out.sensitive |= chosen.sensitive;
  }

  private void forDirective(TemplatePart.For f, Scope s, Out out) {
    Value coll = ev.eval(f.collection(), s);
    Iteration it = Iteration.of(ev, coll, f.collection().range());
    if (it == null) {
      out.unknown = true;
      return;
    }
    out.sensitive |= it.sensitive();
    for (Iteration.Element e : it.elements()) {
      Scope inner = s.with(f.keyVar(), e.key(), f.valueVar(), e.value());
      render(f.body(), inner, out);
    }
  }
}
