package dev.ingot.build;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Cancellation;

/** One-line descriptions of step failures for the log and the summary. */
final class Errors {
  private Errors() {}

  static String describe(Throwable t) {
    return switch (t) {
      case Cancellation.CancelledException c -> "build cancelled";
      case DiagnosticsException d -> describe(d);
      default -> dev.ingot.plugin.IoMessages.describe(t);
    };
  }

  private static String describe(DiagnosticsException d) {
    if (d.diagnostics().all().isEmpty()) {
      return d.getMessage();
    }
    Diagnostic first = d.diagnostics().all().get(0);
    StringBuilder s = new StringBuilder(first.summary());
    if (!first.detail().isBlank()) {
      s.append(": ").append(first.detail());
    }
    if (first.subject() != null) {
      s.append(" (")
          .append(first.subject().filename())
          .append(':')
          .append(first.subject().start().line())
          .append(':')
          .append(first.subject().start().column())
          .append(')');
    }
    return s.toString();
  }
}
