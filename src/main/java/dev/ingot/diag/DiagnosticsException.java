package dev.ingot.diag;

/**
 * Carries diagnostics found at run time (for example a plugin that finds a bad value only when it
 * runs) up to the CLI, which prints them like validation diagnostics instead of a stack trace.
 */
public final class DiagnosticsException extends RuntimeException {
  private final Diagnostics diagnostics;

  public DiagnosticsException(Diagnostics diagnostics) {
    super(diagnostics.all().isEmpty() ? "no diagnostics" : diagnostics.all().get(0).summary());
    this.diagnostics = diagnostics;
  }

  public DiagnosticsException(Diagnostic d) {
    this(Diagnostics.of(d));
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
