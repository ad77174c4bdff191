package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Body;
import dev.ingot.template.hcl.BodyItem;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates plugin block bodies (sources, provisioners, post-processors) in a build's scope: every
 * attribute, every nested block, with {@code dynamic} blocks expanded at any depth. Several bodies
 * can be merged, as a build-level source block fills in a source: an argument set in both is a
 * "Duplicate argument". env() is not available. Stateless and thread-safe.
 */
public final class BodyEvaluator {
  private BodyEvaluator() {}

  /**
   * Evaluates {@code bodies} merged in order, leaving out the attributes in {@code skip} of all but
   * the first (e.g. the {@code name} of a build-level source block). {@code range} is the block's
   * range for the result; {@code bindings} are extra names (a dynamic block's iterator).
   */
  public static EvaluatedBody evaluate(
      List<Body> bodies,
      Set<String> skip,
      Range range,
      EvalContext ctx,
      Map<String, Value> bindings,
      List<Diagnostic> diags) {
    Map<String, EvaluatedBody.Attr> attrs = new LinkedHashMap<>();
    Map<String, List<EvaluatedBody>> blocks = new LinkedHashMap<>();
    ScopeEval eval = Scopes.of(ctx);
    for (int i = 0; i < bodies.size(); i++) {
      for (BodyItem item : bodies.get(i).items()) {
        switch (item) {
          case Attribute a -> {
            if (i > 0 && skip.contains(a.name())) {
              continue;
            }
            TemplateFunctions.checkNoEnv(a.expr(), diags);
            EvaluatedBody.Attr previous = attrs.get(a.name());
            if (previous != null) {
              diags.add(
                  Diagnostic.error(
                      "Duplicate argument",
                      "Argument \""
                          + a.name()
                          + "\" was already set at "
                          + DeclarationDecoder.where(previous.nameRange())
                          + ". A build-level source block can only set arguments that the source"
                          + " leaves unset.",
                      a.nameRange()));
              continue;
            }
            Value v = eval.eval(a.expr(), bindings, diags);
            attrs.put(
                a.name(),
                new EvaluatedBody.Attr(v, a.expr().range(), a.nameRange(), constant(a.expr())));
          }
          case Block b -> block(b, ctx, bindings, blocks, eval, diags);
        }
      }
    }
    return new EvaluatedBody(attrs, blocks, range);
  }

  /** One body, nothing skipped, no extra names. */
  public static EvaluatedBody evaluate(
      Block block, EvalContext ctx, Map<String, Value> bindings, List<Diagnostic> diags) {
    return evaluate(List.of(block.body()), Set.of(), block.range(), ctx, bindings, diags);
  }

  private static boolean constant(dev.ingot.template.hcl.Expr e) {
    if (!e.references().isEmpty()) {
      return false;
    }
    boolean[] call = {false};
    ExprWalker.each(e, x -> call[0] |= x instanceof dev.ingot.template.hcl.Expr.Call);
    return !call[0];
  }

  private static void block(
      Block b,
      EvalContext ctx,
      Map<String, Value> bindings,
      Map<String, List<EvaluatedBody>> blocks,
      ScopeEval eval,
      List<Diagnostic> diags) {
    if (b.type().equals("dynamic") && b.labels().size() == 1) {
      for (DynamicBlocks.Expanded e : DynamicBlocks.expand(b, bindings, eval, diags)) {
        EvaluatedBody body =
            evaluate(
                List.of(e.block().body()), Set.of(), e.block().range(), ctx, e.bindings(), diags);
        blocks.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(body);
      }
      return;
    }
    if (!b.labels().isEmpty()) {
      diags.add(
          Diagnostic.error(
              "Extraneous label for " + b.type(),
              "No labels are expected for " + b.type() + " blocks.",
              b.labels().get(0).range()));
      return;
    }
    blocks
        .computeIfAbsent(b.type(), k -> new ArrayList<>())
        .add(evaluate(List.of(b.body()), Set.of(), b.range(), ctx, bindings, diags));
  }
}
