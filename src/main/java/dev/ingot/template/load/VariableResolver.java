package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.EvalResult;
import dev.ingot.template.eval.Evaluator;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.model.Template;
import dev.ingot.template.model.VariableDecl;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.ObjectType;
import dev.ingot.template.value.TupleType;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every declared variable its value, as Packer does: the default (evaluated with functions,
 * {@code env()} included, but no variables), then PKR_VAR_/INGOT_VAR_ values, *.auto.pkrvars.*
 * files, -var-file files and -var options, a later source overriding an earlier one. Each value is
 * converted to the variable's type, checked against its validation rules and marked sensitive when
 * the variable is. Not thread-safe (one per load).
 */
final class VariableResolver {
  /** A value given to a variable, evaluated, with the words saying where it came from. */
  private record Given(Value value, Range range, String from) {}

  private final Map<String, VariableDecl> decls;
  private final EvalContext defaults;
  private final EvalContext validations;
  private final List<Diagnostic> diags;
  private final Map<String, List<Assignment<Given>>> given = new LinkedHashMap<>();
  private final Map<String, Type> types = new LinkedHashMap<>();
  private final java.util.Set<String> failed = new java.util.HashSet<>();

  /**
   * {@code defaults} evaluates variable defaults (functions and env() allowed, no variables);
   * {@code validations} evaluates validation conditions (functions; {@code var} is added).
   */
  VariableResolver(
      Map<String, VariableDecl> decls,
      EvalContext defaults,
      EvalContext validations,
      java.util.Set<String> broken,
      List<Diagnostic> diags) {
    this.decls = decls;
    this.failed.addAll(broken);
    this.defaults = defaults;
    this.validations = validations;
    this.diags = diags;
    decls.forEach((name, d) -> given.put(name, new ArrayList<>()));
  }

  void readDefaults() {
    decls.forEach(
        (name, d) -> {
          types.put(name, d.type());
          d.defaultExpr().ifPresent(e -> readDefault(d, e));
        });
  }

  private void readDefault(VariableDecl d, Expr e) {
    EvalResult r = Evaluator.evaluate(e, defaults);
    diags.addAll(r.diagnostics().all());
    if (r.hasErrors()) {
      failed.add(d.name());
      return;
    }
    Value v = r.value();
    if (d.typed()) {
      try {
        v = Convert.to(v, d.type());
      } catch (ConversionException ex) {
        diags.add(
            Diagnostic.error(
                "Invalid default value for variable",
                "This default value is not compatible with the variable's type constraint: "
                    + ex.getMessage()
                    + ".",
                e.range()));
        failed.add(d.name());
        return;
      }
    } else if (!(v.type() instanceof ObjectType o && o.attributes().isEmpty())
        && !(v.type() instanceof TupleType t && t.elements().isEmpty())
        && !v.isNull()) {
      // Without a type, values given later must have the default's type (as in Packer).
      types.put(d.name(), v.type());
    }
    if (v.isNull() && !d.nullable()) {
      diags.add(
          Diagnostic.error(
              "Invalid default value for variable",
              "A null default value is not valid when nullable = false.",
              e.range()));
      failed.add(d.name());
      return;
    }
    add(VarSource.DEFAULT, d.name(), new Given(v, e.range(), "its default"));
  }

  /** The name Packer gives a -var or environment value in diagnostics. */
  static String fakeFile(VarSource source, String name) {
    return "<value for var."
        + name
        + " from "
        + (source == VarSource.ENV ? "env" : "arguments")
        + ">";
  }

  /** Raw strings from the environment or -var, read as Packer reads them for the type. */
  void readString(VarSource source, String name, String text) {
    String file = fakeFile(source, name);
    Type type = types.getOrDefault(name, Type.DYNAMIC);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Range whole =
        new Range(
            file, Pos.START, new Pos(1, text.codePointCount(0, text.length()) + 1, bytes.length));
    Value v;
    if (VarFlag.readsAsExpression(type)) {
      HclParser.ExprResult parsed = HclParser.parseExpression(bytes, file);
      diags.addAll(parsed.diagnostics().all());
      if (parsed.diagnostics().hasErrors()) {
        failed.add(name);
        return;
      }
      EvalResult r = Evaluator.evaluate(parsed.expr(), EvalContext.constant());
      diags.addAll(r.diagnostics().all());
      if (r.hasErrors()) {
        failed.add(name);
        return;
      }
      v = r.value();
    } else {
      v = Value.string(text);
    }
    String from = source == VarSource.ENV ? "the environment" : "a -var option";
    convertAndAdd(source, name, v, whole, from);
  }

  /** An entry of a var file (auto or -var-file). Undeclared names only get a warning. */
  void readFileEntry(VarSource source, VarFiles.Entry e, String fileName) {
    if (!decls.containsKey(e.name())) {
      diags.add(
          Diagnostic.warning(
              "Undefined variable",
              "A \""
                  + e.name()
                  + "\" variable was set but was not found in known variables. To declare"
                  + " variable \""
                  + e.name()
                  + "\", place this block in one of your .pkr files, such as variables.pkr.hcl",
              e.nameRange()));
      return;
    }
    Value v;
    switch (e.value()) {
      case VarFiles.HclValue h -> {
        EvalResult r = Evaluator.evaluate(h.expr(), EvalContext.constant());
        diags.addAll(r.diagnostics().all());
        if (r.hasErrors()) {
          failed.add(e.name());
          return;
        }
        v = r.value();
      }
      case VarFiles.JsonValue j -> v = j.value();
    }
    convertAndAdd(source, e.name(), v, e.value().range(), fileName);
  }

  private void convertAndAdd(VarSource source, String name, Value v, Range at, String from) {
    Type type = types.getOrDefault(name, Type.DYNAMIC);
    try {
      v = Convert.to(v, type);
    } catch (ConversionException ex) {
      diags.add(
          Diagnostic.error(
              "Invalid value for variable",
              "The value for "
                  + name
                  + " from "
                  + from
                  + " is not compatible with the variable's type constraint: "
                  + ex.getMessage()
                  + ".",
              at));
      failed.add(name);
      return;
    }
    add(source, name, new Given(v, at, from));
  }

  private void add(VarSource source, String name, Given g) {
    given.get(name).add(new Assignment<>(source, name, g, g.range()));
  }

  /** The final values, after every source was read; unset variables are errors. */
  Map<String, Template.Variable> resolve() {
    Map<String, Template.Variable> out = new LinkedHashMap<>();
    decls.forEach(
        (name, d) -> {
          var win = Assignment.winner(given.get(name));
          if (win.isEmpty()) {
            if (!hasErrorsFor(name)) {
              diags.add(
                  Diagnostic.error(
                      "Unset variable \"" + name + "\"",
                      "A used variable must be set or have a default value. Give it a default,"
                          + " or set it with -var '"
                          + name
                          + "=...', a -var-file, or PKR_VAR_"
                          + name
                          + ".",
                      d.nameRange()));
            }
            out.put(name, new Template.Variable(d, Value.unknown(d.type()), "unset"));
            return;
          }
          Given g = win.get().value();
          Value v = g.value();
          if (v.isNull() && !d.nullable()) {
            diags.add(
                Diagnostic.error(
                    "Invalid value for variable",
                    "The value for "
                        + name
                        + " from "
                        + g.from()
                        + " is null, but the variable is declared with nullable = false.",
                    g.range()));
          }
          validate(d, g);
          out.put(name, new Template.Variable(d, d.sensitive() ? v.markSensitive() : v, g.from()));
        });
    return out;
  }

  private boolean hasErrorsFor(String name) {
    // A value that failed to read already has an error; "unset" would only repeat it.
    return failed.contains(name);
  }

  private void validate(VariableDecl d, Given g) {
    EvalContext ctx = validations.withVariable("var", Value.object(Map.of(d.name(), g.value())));
    for (VariableDecl.Validation rule : d.validations()) {
      EvalResult r = Evaluator.evaluate(rule.condition(), ctx);
      diags.addAll(r.diagnostics().all());
      Value result = r.value();
      if (r.hasErrors() || !result.isKnown()) {
        continue;
      }
      if (result.isNull()) {
        diags.add(
            Diagnostic.error(
                "Invalid variable validation result",
                "Validation condition expression must return either true or false, not null.",
                rule.condition().range()));
        continue;
      }
      try {
        result = Convert.to(result.unmarkDeep(), Type.BOOL);
      } catch (ConversionException ex) {
        diags.add(
            Diagnostic.error(
                "Invalid variable validation result",
                "Invalid validation condition result value: " + ex.getMessage() + ".",
                rule.condition().range()));
        continue;
      }
      if (!result.asBool()) {
        diags.add(
            Diagnostic.error(
                "Invalid value for variable",
                rule.errorMessage()
                    + "\n\nThe value of "
                    + d.name()
                    + " comes from "
                    + g.from()
                    + "; this was checked by the validation rule at "
                    + rule.range()
                    + ".",
                g.range()));
      }
    }
  }
}
