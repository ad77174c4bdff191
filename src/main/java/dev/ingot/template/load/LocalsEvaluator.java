package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.EvalResult;
import dev.ingot.template.eval.Evaluator;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.Step;
import dev.ingot.template.model.LocalDecl;
import dev.ingot.template.model.Template;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates locals in the order of their dependencies (whatever order they are written in, across
 * files), reporting each cycle once ("local.a refers to local.b, which refers back to local.a").
 * Locals in or after a cycle become unknown without further errors. A local is sensitive when it is
 * declared so or computed from a sensitive value. Not thread-safe (one per load).
 */
final class LocalsEvaluator {
  private final Map<String, LocalDecl> decls = new LinkedHashMap<>();
  private final EvalContext base;
  private final List<Diagnostic> diags;
  private final Map<String, Value> values = new LinkedHashMap<>();
  private final Set<String> inCycle = new LinkedHashSet<>();

  /** {@code base} has var, path, packer and the functions; {@code local} is added here. */
  LocalsEvaluator(List<LocalDecl> locals, EvalContext base, List<Diagnostic> diags) {
    locals.forEach(l -> decls.put(l.name(), l));
    this.base = base;
    this.diags = diags;
  }

  Map<String, Template.Local> evaluate() {
    findCycles();
    List<String> order = order();
    for (String name : order) {
      LocalDecl d = decls.get(name);
      if (inCycle.contains(name) || dependsOnUnknown(d)) {
        values.put(name, Value.unknown(Type.DYNAMIC));
        continue;
      }
      EvalResult r = Evaluator.evaluate(d.expr(), base.withVariable("local", Value.object(values)));
      diags.addAll(r.diagnostics().all());
      Value v = r.value();
      values.put(name, d.sensitive() ? v.markSensitive() : v);
    }
    Map<String, Template.Local> out = new LinkedHashMap<>();
    decls.forEach((name, d) -> out.put(name, new Template.Local(d, values.get(name))));
    return out;
  }

  // Evaluation goes dependencies first, so a local after a cycle finds its dependency marked.
  private final Set<String> poisoned = new LinkedHashSet<>();

  private boolean dependsOnUnknown(LocalDecl d) {
    for (String dep : deps(d)) {
      if (inCycle.contains(dep) || poisoned.contains(dep)) {
        poisoned.add(d.name());
        return true;
      }
    }
    return false;
  }

  /** The names of the locals {@code d} refers to (declared or not). */
  static Set<String> deps(LocalDecl d) {
    Set<String> out = new LinkedHashSet<>();
    for (Expr.ScopeTraversal t : d.expr().references()) {
      if (t.rootName().equals("local")
          && t.steps().size() > 1
          && t.steps().get(1) instanceof Step.Attr a) {
        out.add(a.name());
      }
    }
    return out;
  }

  /** Depth-first, in declaration order: dependencies first. Cycles are skipped (already found). */
  private List<String> order() {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : decls.keySet()) {
      visit(name, seen, out);
    }
    return out;
  }

  private void visit(String name, Set<String> seen, List<String> out) {
    if (!decls.containsKey(name) || !seen.add(name)) {
      return;
    }
    for (String dep : deps(decls.get(name))) {
      visit(dep, seen, out);
    }
    out.add(name);
  }

  private void findCycles() {
    Set<String> done = new LinkedHashSet<>();
    for (String name : decls.keySet()) {
      walk(name, new ArrayList<>(), done);
    }
  }

  private void walk(String name, List<String> path, Set<String> done) {
    if (!decls.containsKey(name) || done.contains(name)) {
      return;
    }
    int at = path.indexOf(name);
    if (at >= 0) {
      List<String> cycle = path.subList(at, path.size());
      if (cycle.stream().noneMatch(inCycle::contains)) {
        report(List.copyOf(cycle));
      }
      inCycle.addAll(cycle);
      return;
    }
    path.add(name);
    for (String dep : deps(decls.get(name))) {
      walk(dep, path, done);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  private void report(List<String> cycle) {
    // Name the cycle from the local written first, so the message does not depend on the walk.
    String first = decls.keySet().stream().filter(cycle::contains).findFirst().orElse(cycle.get(0));
    int start = cycle.indexOf(first);
    List<String> ordered = new ArrayList<>(cycle.subList(start, cycle.size()));
    ordered.addAll(cycle.subList(0, start));
    String detail;
    if (ordered.size() == 1) {
      detail = "local." + first + " refers to itself.";
    } else {
      StringBuilder b = new StringBuilder("local.").append(first);
      for (int i = 1; i < ordered.size(); i++) {
        b.append(i == 1 ? " refers to " : ", which refers to ")
            .append("local.")
            .append(ordered.get(i));
      }
      b.append(", which refers back to local.").append(first).append('.');
      detail = b.toString();
    }
    diags.add(
        Diagnostic.error(
            "Cycle in local values",
            detail + " A local cannot depend on itself; compute one of them from other values.",
            decls.get(first).nameRange()));
  }
}
