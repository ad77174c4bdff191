package dev.ingot.template.eval;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.diag.Suggest;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.Step;
import dev.ingot.template.value.Numbers;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation: walks the tree, collects diagnostics, and delegates each kind of node to a helper
 * ({@link Operators}, {@link Traversals}, {@link Templates}, {@link Collections}, {@link Calls}).
 * Not thread-safe; {@link Evaluator} makes one per call.
 */
final class Eval {
  /** The placeholder result after an error, or for a value not known yet. */
  static final Value DYNAMIC = Value.unknown(Type.DYNAMIC);

  final EvalContext ctx;
  final List<Diagnostic> diags = new ArrayList<>();
  private final Operators operators = new Operators(this);
  private final Templates templates = new Templates(this);
  private final Collections collections = new Collections(this);
  private final Calls calls = new Calls(this);
  private int depth;

  Eval(EvalContext ctx) {
    this.ctx = ctx;
  }

  void error(String summary, String detail, Range subject) {
    diags.add(Diagnostic.error(summary, detail, subject));
  }

  int mark() {
    return diags.size();
  }

  boolean errorsSince(int mark) {
    for (int i = mark; i < diags.size(); i++) {
      if (diags.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  /** Removes and returns the diagnostics reported since {@code mark}. */
  List<Diagnostic> takeSince(int mark) {
    List<Diagnostic> taken = new ArrayList<>(diags.subList(mark, diags.size()));
    diags.subList(mark, diags.size()).clear();
    return taken;
  }

  Value eval(Expr e, Scope s) {
    if (++depth > Evaluator.MAX_DEPTH) {
      depth--;
      error(
          "Expression too deeply nested",
          "This expression nests more than " + Evaluator.MAX_DEPTH + " levels deep; simplify it.",
          e.range());
      return DYNAMIC;
    }
    try {
      return switch (e) {
        case Expr.Number n -> Value.number(Numbers.rounded(n.value()));
        case Expr.Bool b -> Value.bool(b.value());
        case Expr.Null n -> Value.NULL;
        case Expr.Invalid i -> DYNAMIC;
        case Expr.Paren p -> eval(p.inner(), s);
        case Expr.SplatItem item -> s.item(item).orElse(DYNAMIC);
        case Expr.Template t -> templates.template(t, s);
        case Expr.TupleCons t -> collections.tuple(t, s);
        case Expr.ObjectCons o -> collections.object(o, s);
        case Expr.For f -> collections.forExpr(f, s);
        case Expr.Splat sp -> collections.splat(sp, s);
        case Expr.Unary u -> operators.unary(u, s);
        case Expr.Binary b -> operators.binary(b, s);
        case Expr.Conditional c -> operators.conditional(c, s);
        case Expr.ScopeTraversal t -> scopeTraversal(t, s);
        case Expr.RelativeTraversal t -> steps(eval(t.source(), s), t.steps(), 0);
        case Expr.Index i -> index(i, s);
        case Expr.Call c -> calls.call(c, s);
      };
    } finally {
      depth--;
    }
  }

  private Value scopeTraversal(Expr.ScopeTraversal t, Scope s) {
    Step.Root root = (Step.Root) t.steps().get(0);
    var found = s.lookup(root.name());
    if (found.isEmpty()) {
      if (!ctx.variablesAllowed() && s.names().isEmpty()) {
        error("Variables not allowed", "Variables may not be used here.", root.range());
      } else {
        String hint = Suggest.didYouMean(root.name(), s.names());
        error(
            "Unknown variable",
            "There is no variable named \""
                + root.name()
                + "\"."
                + (hint.isEmpty() ? "" : " " + hint),
            root.range());
      }
      return DYNAMIC;
    }
    return steps(found.get(), t.steps(), 1);
  }

  private Value steps(Value v, List<Step> steps, int from) {
    for (int i = from; i < steps.size(); i++) {
      Step step = steps.get(i);
      v =
          switch (step) {
            case Step.Attr a -> Traversals.getAttr(this, v, a.name(), a.range());
            case Step.Index ix ->
                Traversals.index(
                    this, v, eval(ix.key(), Scope.root(java.util.Map.of())), ix.range());
            case Step.Root r -> v;
          };
    }
    return v;
  }

  private Value index(Expr.Index i, Scope s) {
    Value coll = eval(i.collection(), s);
    Value key = eval(i.key(), s);
    return Traversals.index(this, coll, key, i.bracketRange());
  }
}
