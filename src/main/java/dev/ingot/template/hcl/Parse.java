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

  /** A mark to compare with later: {@code errors() > mark} means errors happened since. */
  int errors() {
    return errors;
  }

  /** True if recovery is on and errors were reported since {@code mark}. */
  boolean failedSince(int mark) {
    return tokens.recovery && errors > mark;
  }
}
