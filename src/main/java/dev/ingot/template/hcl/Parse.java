package dev.ingot.template.hcl;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.List;

/** The state one parse shares among its parts: the tokens and the diagnostics found so far. */
final class Parse {
  final TokenStream tokens;
  final List<Diagnostic> diagnostics = new ArrayList<>();
  private int errors;
  private int depth;
  private boolean toldDepth;

  /**
   * How deeply brackets, templates, unary operators and blocks may nest. Real templates stay far
   * below; the limit keeps a hostile input from exhausting the parser's stack.
   */
  static final int MAX_NESTING = 128;

  Parse(TokenStream tokens) {
    this.tokens = tokens;
  }

  void error(String summary, String detail, Range subject) {
    diagnostics.add(Diagnostic.error(summary, detail, subject));
    errors++;
  }

  /** Reports an error unless recovery is under way (then it is likely noise). */
  void errorUnlessRecovering(String summary, String detail, Range subject) {
    if (!tokens.recovery) {
      error(summary, detail, subject);
    }
  }

  /**
   * Enters one level of nesting; false (after reporting it once) when that is too deep, and the
   * caller then returns a placeholder.
   */
  boolean enter(Range where) {
    if (depth >= MAX_NESTING) {
      if (!toldDepth) {
        error(
            "Too deeply nested",
            "This nests more than "
                + MAX_NESTING
                + " levels of brackets, templates, operators or blocks. Split it up, for example"
                + " with locals.",
            where);
        toldDepth = true;
      }
      tokens.recovery = true;
      return false;
    }
    depth++;
    return true;
  }

  void leave() {
    depth--;
  }

  /** Whether nesting went too deep: what follows (the closing parts of the levels) is noise. */
  boolean pastDepthLimit() {
    return toldDepth;
  }

  /** {@code e}, or a placeholder (reported) if its tree is too deep to evaluate safely. */
  Expr checkDepth(Expr e) {
    if (!AstDepth.tooDeep(e)) {
      return e;
    }
    error(
        "Expression too complex",
        "This expression is nested more than "
            + AstDepth.MAX
            + " levels deep, counting each operator. Split it up, for example with locals.",
        e.range());
    return new Expr.Invalid(e.range());
  }

  /** A mark to compare with later: {@code errors() > mark} means errors happened since. */
  int errors() {
    return errors;
  }

  /** True if recovery is on and errors were reported since {@code mark}. */
  boolean failedSince(int mark) {
    return tokens.recovery && errors > mark;
  }
}
