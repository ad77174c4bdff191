package dev.ingot.template.hcl;

import dev.ingot.diag.Range;

/**
 * {@code name = expr}. Immutable.
 *
 * @param name the argument name
 * @param expr its value, unevaluated
 * @param range the whole definition
 * @param nameRange where the name is
 * @param equalsRange where the equals sign is
 */
public record Attribute(String name, Expr expr, Range range, Range nameRange, Range equalsRange)
    implements BodyItem {}
