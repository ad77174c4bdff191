package dev.ingot.template.model;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Expr;

/**
 * A local value: an attribute of a {@code locals} block, or a {@code local "NAME"} block with
 * {@code expression} and {@code sensitive}. A local computed from a sensitive value is sensitive
 * even without the flag. {@code nameRange} is where the name is written. Immutable.
 */
public record LocalDecl(String name, Expr expr, boolean sensitive, Range nameRange) {}
