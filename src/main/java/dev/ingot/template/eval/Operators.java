package dev.ingot.template.eval;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.BinaryOp;
import dev.ingot.template.hcl.Expr;
import dev.ingot.template.hcl.UnaryOp;
import dev.ingot.template.value.ConversionException;
import dev.ingot.template.value.Convert;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.math.BigDecimal;

/**
 * Unary and binary operators with HCL's semantics: both operands are always evaluated (no
 * short-circuit, as in HCL), converted to the operator's parameter type, then computed; an unknown
 * operand gives an unknown result and a sensitive one a sensitive result. Arithmetic rounds to
 * 512-bit binary floats as go-cty's does (Arithmetic).
 */
final class Operators {
  private final Eval ev;
  private final Conditionals conditionals;

  Operators(Eval ev) {
    this.ev = ev;
    this.conditionals = new Conditionals(ev);
  }

  Value conditional(Expr.Conditional c, Scope s) {
    return conditionals.evaluate(c, s);
  }

  Value unary(Expr.Unary u, Scope s) {
    int mark = ev.mark();
    Value given = ev.eval(u.operand(), s);
    Type want = u.op() == UnaryOp.NEGATE ? Type.NUMBER : Type.BOOL;
    Value v = convert(given, want, "unary operand", u.operand().range());
    if (ev.errorsSince(mark)) {
      return Value.unknown(want);
    }
    boolean sensitive = v.containsSensitive();
    v = v.unmarkDeep();
    if (v.isNull()) {
      return failed("argument must not be null", u.range(), want);
    }
    if (!v.isKnown()) {
      return Value.unknown(want).markedIf(sensitive);
    }
    Value out =
        u.op() == UnaryOp.NEGATE ? Value.number(v.asNumber().negate()) : Value.bool(!v.asBool());
    return out.markedIf(sensitive);
  }

  Value binary(Expr.Binary b, Scope s) {
    int mark = ev.mark();
    Value l = ev.eval(b.left(), s);
    Value r = ev.eval(b.right(), s);
    if (b.op() == BinaryOp.EQUAL || b.op() == BinaryOp.NOT_EQUAL) {
      if (ev.errorsSince(mark)) {
        return Value.unknown(Type.BOOL);
      }
      return Equality.equal(l, r, b.op() == BinaryOp.NOT_EQUAL);
    }
    Type param = param(b.op());
    Type result = resultType(b.op());
    l = convert(l, param, "left operand", b.left().range());
    r = convert(r, param, "right operand", b.right().range());
    if (ev.errorsSince(mark)) {
      return Value.unknown(result);
    }
    boolean sensitive = l.containsSensitive() || r.containsSensitive();
    l = l.unmarkDeep();
    r = r.unmarkDeep();
    if (l.isNull() || r.isNull()) {
      return failed("argument must not be null", b.range(), result);
    }
    if (!l.isKnown() || !r.isKnown()) {
      return Value.unknown(result).markedIf(sensitive);
    }
    Value out;
    try {
      out = compute(b.op(), l, r, b.range());
    } catch (ArithmeticException e) {
      // Exponents beyond BigDecimal's range: a diagnostic, not a crash.
      out = failed("the result is too large or too small to compute", b.range(), result);
    }
    return out == null ? Value.unknown(result) : out.markedIf(sensitive);
  }

  private Value compute(BinaryOp op, Value l, Value r, Range where) {
    if (op == BinaryOp.AND) {
      return Value.bool(l.asBool() && r.asBool());
    }
    if (op == BinaryOp.OR) {
      return Value.bool(l.asBool() || r.asBool());
    }
    BigDecimal a = l.asNumber();
    BigDecimal c = r.asNumber();
    switch (op) {
      case LESS:
        return Value.bool(a.compareTo(c) < 0);
      case LESS_EQ:
        return Value.bool(a.compareTo(c) <= 0);
      case GREATER:
        return Value.bool(a.compareTo(c) > 0);
      case GREATER_EQ:
        return Value.bool(a.compareTo(c) >= 0);
      case ADD:
        return Value.number(Arithmetic.add(a, c));
      case SUBTRACT:
        return Value.number(Arithmetic.subtract(a, c));
      case MULTIPLY:
        return Value.number(Arithmetic.multiply(a, c));
      default:
        break;
    }
    if (c.signum() == 0) {
      // go-cty gives +Inf for x/0; Ingot's numbers are finite decimals, so it is an error here.
      failed(
          a.signum() == 0 && op == BinaryOp.DIVIDE
              ? "can't divide zero by zero or infinity by infinity"
              : "can't divide by zero",
          where,
          Type.NUMBER);
      return null;
    }
    if (op == BinaryOp.DIVIDE) {
      return Value.number(Arithmetic.divide(a, c));
    }
    return Value.number(Arithmetic.remainder(a, c));
  }

  private Value convert(Value v, Type want, String what, Range subject) {
    try {
      return Convert.to(v, want);
    } catch (ConversionException e) {
      ev.error(
          "Invalid operand", "Unsuitable value for " + what + ": " + e.getMessage() + ".", subject);
      return Value.unknown(want);
    }
  }

  private Value failed(String problem, Range where, Type result) {
    ev.error("Operation failed", "Error during operation: " + problem + ".", where);
    return Value.unknown(result);
  }

  private static Type param(BinaryOp op) {
    return op == BinaryOp.AND || op == BinaryOp.OR ? Type.BOOL : Type.NUMBER;
  }

  private static Type resultType(BinaryOp op) {
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> Type.NUMBER;
      default -> Type.BOOL;
    };
  }
}
