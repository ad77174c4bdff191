package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.eval.TypeExpressions;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.Step;
import dev.ingot.template.model.VariableDecl;
import dev.ingot.template.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code variable} blocks (type, default, description, sensitive, nullable, validation) and
 * {@code variables} blocks (each attribute a variable with a default). Validation conditions may
 * refer only to the variable itself, and error messages must be sentences, as in Packer. Stateless.
 */
final class VariableDecoder {
  static final String BAD_IDENTIFIER =
      "A name must start with a letter or underscore and may contain only letters, digits,"
          + " underscores, and dashes.";

  private static final BodySchema VARIABLE =
      BodySchema.builder()
          .attr("description", "default", "type", "sensitive", "nullable")
          .block("validation")
          .build();
  private static final BodySchema VALIDATION =
      BodySchema.builder().required("condition").required("error_message").build();

  private VariableDecoder() {}

  static boolean isIdentifier(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_-]*");
  }

  static Optional<VariableDecl> block(Block b, List<Diagnostic> diags) {
    String name = b.labels().get(0).value();
    Range nameRange = b.labels().get(0).range();
    BodySchema.Content c = VARIABLE.check(b.body(), diags);
    if (!isIdentifier(name)) {
      diags.add(Diagnostic.error("Invalid variable name", BAD_IDENTIFIER, nameRange));
      return Optional.empty();
    }
    Attribute typeAttr = c.attributes().get("type");
    Type type = Type.DYNAMIC;
    if (typeAttr != null) {
      TypeExpressions.Result r = TypeExpressions.evaluate(typeAttr.expr());
      diags.addAll(r.diagnostics().all());
      type = r.type();
    }
    String description =
        optional(c, "description").flatMap(e -> Literals.string(e, diags)).orElse("");
    boolean sensitive =
        optional(c, "sensitive").flatMap(e -> Literals.bool(e, diags)).orElse(false);
    boolean nullable = optional(c, "nullable").flatMap(e -> Literals.bool(e, diags)).orElse(true);
    List<VariableDecl.Validation> rules = new ArrayList<>();
    for (Block v : c.blocks("validation")) {
      validation(name, v, diags).ifPresent(rules::add);
    }
    return Optional.of(
        new VariableDecl(
            name,
            type,
            typeAttr != null,
            optional(c, "default"),
            description,
            sensitive,
            nullable,
            rules,
            b.typeRange().to(b.labels().get(0).range()),
            nameRange));
  }

  private static Optional<Expr> optional(BodySchema.Content c, String name) {
    return Optional.ofNullable(c.attributes().get(name)).map(Attribute::expr);
  }

  static List<VariableDecl> variablesBlock(Block b, List<Diagnostic> diags) {
    for (Block nested : b.body().blocks()) {
      diags.add(
          Diagnostic.error(
              "Unsupported block type",
              "Blocks of type \"" + nested.type() + "\" are not expected here.",
              nested.typeRange()));
    }
    List<VariableDecl> out = new ArrayList<>();
    for (Attribute a : b.body().attributes()) {
      out.add(
          new VariableDecl(
              a.name(),
              Type.DYNAMIC,
              false,
              Optional.of(a.expr()),
              "",
              false,
              true,
              List.of(),
              a.range(),
              a.nameRange()));
    }
    return out;
  }

  private static Optional<VariableDecl.Validation> validation(
      String var, Block b, List<Diagnostic> diags) {
    BodySchema.Content c = VALIDATION.check(b.body(), diags);
    Attribute cond = c.attributes().get("condition");
    Attribute msg = c.attributes().get("error_message");
    int before = diags.size();
    if (cond != null) {
      checkReferences(var, cond.expr(), diags);
    }
    String message = null;
    if (msg != null) {
      message = Literals.string(msg.expr(), diags).orElse(null);
      if (message != null && message.isBlank()) {
        diags.add(
            Diagnostic.error(
                "Invalid validation error message",
                "An empty string is not a valid nor useful error message.",
                msg.expr().range()));
      } else if (message != null && !looksLikeSentences(message)) {
        diags.add(
            Diagnostic.error(
                "Invalid validation error message",
                "Validation error message must be at least one full sentence starting with an"
                    + " uppercase letter (if the alphabet permits it) and ending with a period or"
                    + " question mark.",
                msg.expr().range()));
      }
    }
    if (cond == null || message == null || diags.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new VariableDecl.Validation(cond.expr(), message.strip(), b.range()));
  }

  // The condition may only look at the variable itself, so that validating needs nothing else.
  private static void checkReferences(String var, Expr cond, List<Diagnostic> diags) {
    int good = 0;
    for (Expr.ScopeTraversal t : cond.references()) {
      if (t.rootName().equals("var")
          && t.steps().size() > 1
          && t.steps().get(1) instanceof Step.Attr a
          && a.name().equals(var)) {
        good++;
      } else {
        diags.add(
            Diagnostic.error(
                "Invalid reference in variable validation",
                "The condition for variable \""
                    + var
                    + "\" can only refer to the variable itself, using var."
                    + var
                    + ".",
                t.range()));
      }
    }
    if (good == 0) {
      diags.add(
          Diagnostic.error(
              "Invalid variable validation condition",
              "The condition for variable \""
                  + var
                  + "\" must refer to var."
                  + var
                  + " in order to test incoming values.",
              cond.range()));
    }
  }

  static boolean looksLikeSentences(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    int first = t.codePointAt(0);
    int last = t.codePointBefore(t.length());
    if (Character.isLetter(first) && !Character.isUpperCase(first)) {
      return false;
    }
    return last == '.' || last == '?' || last == '!';
  }
}
