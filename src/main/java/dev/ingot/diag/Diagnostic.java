package dev.ingot.diag;

/**
 * A problem found in user input, modelled on HCL's {@code hcl.Diagnostic}: a short summary
 * ("Unclosed configuration block"), a detail that says how to fix it, and the range it is about.
 * The subject may be null for problems with no place in a file (for example a bad command-line
 * flag).
 */
public record Diagnostic(Severity severity, String summary, String detail, Range subject) {
  public Diagnostic {
    if (severity == null || summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("a diagnostic needs a severity and a summary");
    }
    detail = detail == null ? "" : detail;
  }

  public static Diagnostic error(String summary, String detail, Range subject) {
    return new Diagnostic(Severity.ERROR, summary, detail, subject);
  }

  public static Diagnostic warning(String summary, String detail, Range subject) {
    return new Diagnostic(Severity.WARNING, summary, detail, subject);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
