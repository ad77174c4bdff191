package dev.ingot.template.model;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.value.Type;
import java.util.List;
import java.util.Optional;

/**
 * A declared input variable, from a {@code variable "NAME"} block or an attribute of a {@code
 * variables} block. {@code type} is {@link Type#DYNAMIC} when none was given (then the default's
 * type applies, as in Packer); {@code range} is the declaration (block header or attribute) and
 * {@code nameRange} the name. Immutable.
 */
public record VariableDecl(
    String name,
    Type type,
    boolean typed,
    Optional<Expr> defaultExpr,
    String description,
    boolean sensitive,
    boolean nullable,
    List<Validation> validations,
    Range range,
    Range nameRange) {
  public VariableDecl {
    validations = List.copyOf(validations);
    description = description == null ? "" : description;
  }

  /** A {@code validation} block: the condition must hold for the variable's final value. */
  public record Validation(Expr condition, String errorMessage, Range range) {}
}
