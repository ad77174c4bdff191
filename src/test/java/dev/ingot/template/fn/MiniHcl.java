package dev.ingot.template.fn;

import dev.ingot.template.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A tiny test-only evaluator for function-call expressions over literals: strings (with escapes, no
 * interpolation), numbers, true/false/null, [tuples], {objects}, unary minus, a / b, calls and
 * {@code sensitive(x)} / {@code unknown(x)} helpers. It lets the function tables be written in HCL
 * syntax before the real evaluator exists. Not thread-safe.
 */
final class MiniHcl {
  private final String src;
  private final Functions fns;
  private final FunctionContext ctx;
  private int i;

  private MiniHcl(String src, Functions fns, FunctionContext ctx) {
    this.src = src;
    this.fns = fns;
    this.ctx = ctx;
  }

  static Value eval(String src, Functions fns, FunctionContext ctx) throws FunctionException {
    MiniHcl p = new MiniHcl(src, fns, ctx);
    Value v = p.expr();
    p.ws();
    if (p.i != src.length()) {
      throw new IllegalArgumentException("trailing input at " + p.i + " in " + src);
    }
    return v;
  }

  private Value expr() throws FunctionException {
    Value left = unary();
    ws();
    while (peek() == '/' || peek() == '*' || peek() == '+') {
      char op = src.charAt(i++);
      Value right = unary();
      BigDecimal a = left.asNumber();
      BigDecimal b = right.asNumber();
      left =
          Value.number(
              switch (op) {
                case '/' -> a.divide(b, MathContext.DECIMAL128);
                case '*' -> a.multiply(b);
                default -> a.add(b);
              });
      ws();
    }
    return left;
  }

  private Value unary() throws FunctionException {
    ws();
    if (peek() == '-') {
      i++;
      return Value.number(unary().asNumber().negate());
    }
    return primary();
  }

  private Value primary() throws FunctionException {
    ws();
    char c = peek();
    if (c == '"') {
      return Value.string(string());
    }
    if (Character.isDigit(c)) {
      int s = i;
      while (i < src.length()
          && (Character.isLetterOrDigit(peek())
              || peek() == '.'
              || ((peek() == '-' || peek() == '+')
                  && (src.charAt(i - 1) == 'e' || src.charAt(i - 1) == 'E')))) {
        i++;
      }
      return Value.number(new BigDecimal(src.substring(s, i)));
    }
    if (c == '[') {
      i++;
      List<Value> elems = new ArrayList<>();
      ws();
      while (peek() != ']') {
        elems.add(expr());
        ws();
        if (peek() == ',') {
          i++;
          ws();
        }
      }
      i++;
      return Value.tuple(elems);
    }
    if (c == '{') {
      i++;
      TreeMap<String, Value> attrs = new TreeMap<>();
      ws();
      while (peek() != '}') {
        String key = peek() == '"' ? string() : ident();
        ws();
        expect(peek() == '=' || peek() == ':');
        i++;
        attrs.put(key, expr());
        ws();
        if (peek() == ',') {
          i++;
        }
        ws();
      }
      i++;
      return Value.object(attrs);
    }
    String name = ident();
    switch (name) {
      case "true":
        return Value.TRUE;
      case "false":
        return Value.FALSE;
      case "null":
        return Value.NULL;
      default:
        break;
    }
    ws();
    expect(peek() == '(');
    i++;
    List<Value> args = new ArrayList<>();
    ws();
    while (peek() != ')') {
      args.add(expr());
      ws();
      if (peek() == ',') {
        i++;
        ws();
      }
    }
    i++;
    return switch (name) {
      case "sensitive" -> args.get(0).markSensitive();
      case "unknown" -> Value.unknown(args.get(0).type());
      default ->
          fns.get(name)
              .orElseThrow(() -> new IllegalArgumentException("no function " + name))
              .invoke(args, ctx);
    };
  }

  private String ident() {
    int s = i;
    while (i < src.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      i++;
    }
    expect(i > s);
    return src.substring(s, i);
  }

  private String string() {
    i++;
    StringBuilder b = new StringBuilder();
    while (peek() != '"') {
      char c = src.charAt(i++);
      if ((c == '$' || c == '%') && src.startsWith(c + "" + c + "{", i - 1)) {
        b.append(c).append('{'); // HCL's escape of a template sequence
        i += 2;
        continue;
      }
      if ((c == '$' || c == '%') && src.startsWith("{", i)) {
        throw new IllegalArgumentException(
            "no interpolation in test cases: write " + c + c + "{ in " + src);
      }
      if (c == '\\') {
        char e = src.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'u' -> {
            b.append((char) Integer.parseInt(src.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
    i++;
    return b.toString();
  }

  private char peek() {
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private void ws() {
    while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
      i++;
    }
  }

  private void expect(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("syntax error at " + i + " in " + src);
    }
  }
}
