package dev.ingot.template.hcl;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entry points for parsing HCL native syntax. Every call returns a result (never null, never throws
 * for bad input) together with all diagnostics found, modelled on hashicorp/hcl's hclsyntax: a
 * syntax error leaves an {@link Expr.Invalid} placeholder (or a partial block) and parsing resumes
 * at the next line. Stateless and thread-safe.
 */
public final class HclParser {
  private HclParser() {}

  /** A parsed configuration file. */
  public record ParseResult(Body body, Diagnostics diagnostics) {}

  /** A parsed expression or template. */
  public record ExprResult(Expr expr, Diagnostics diagnostics) {}

  /** Parses a whole configuration file ({@code *.pkr.hcl}, {@code *.pkrvars.hcl}). */
  public static ParseResult parse(byte[] src, String filename) {
    Lexer.Result lexed = Lexer.lex(src, filename, Lexer.Mode.NORMAL);
    Parse p = new Parse(new TokenStream(lexed.tokens()));
    ExprParser exprs = new ExprParser(p);
    Range start = Range.fileStart(filename);
    Body body = new BodyParser(p, exprs).body(TokenType.EOF, start);
    return new ParseResult(body, merge(lexed, p));
  }

  /**
   * Parses a standalone expression, such as a {@code -var} value, starting at {@link Pos#START}.
   */
  public static ExprResult parseExpression(byte[] src, String filename) {
    return parseExpression(src, filename, Pos.START);
  }

  /** Parses a standalone expression whose first byte is at {@code start} of {@code filename}. */
  public static ExprResult parseExpression(byte[] src, String filename, Pos start) {
    Lexer.Result lexed = Lexer.lex(src, filename, start, Lexer.Mode.NORMAL);
    TokenStream ts = new TokenStream(lexed.tokens());
    Parse p = new Parse(ts);
    ts.pushNewlines(false);
    Expr expr = p.checkDepth(new ExprParser(p).expression());
    Token next = ts.peek();
    if (next.type() != TokenType.EOF && !ts.recovery) {
      p.error(
          "Extra characters after expression",
          "An expression was successfully parsed, but extra characters were found after it.",
          next.range());
    }
    return new ExprResult(expr, merge(lexed, p));
  }

  /** Parses {@code src} as a bare template (as {@code templatefile} reads a file). */
  public static ExprResult parseTemplate(byte[] src, String filename) {
    return parseTemplate(src, filename, Pos.START);
  }

  /** Parses a bare template whose first byte is at {@code start} of {@code filename}. */
  public static ExprResult parseTemplate(byte[] src, String filename, Pos start) {
    Lexer.Result lexed = Lexer.lex(src, filename, start, Lexer.Mode.TEMPLATE);
    Parse p = new Parse(new TokenStream(lexed.tokens()));
    Expr t = p.checkDepth(new ExprParser(p).templates().bare());
    return new ExprResult(t, merge(lexed, p));
  }

  /** Lexer and parser problems together, in source order (stable for equal positions). */
  private static Diagnostics merge(Lexer.Result lexed, Parse p) {
    List<Diagnostic> all = new ArrayList<>(lexed.diagnostics().all());
    all.addAll(p.diagnostics);
    all.sort(Comparator.comparingInt(d -> d.subject().start().byteOffset()));
    return new Diagnostics(all);
  }
}
