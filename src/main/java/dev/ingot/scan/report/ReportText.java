package dev.ingot.scan.report;

import dev.ingot.scan.match.Assessment;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.Verdict;
import java.util.Locale;

/** Small text helpers shared by the report writers. Pure. */
final class ReportText {
  private ReportText() {}

  static String verdict(Verdict v) {
    return switch (v) {
      case Verdict.Fails f -> "FAILS";
      case Verdict.Passes p -> "below";
      case Verdict.Ignored i -> "ignored";
      case Verdict.NotFixable n -> "no fix";
    };
  }

  static String severity(Assessment a) {
    String r = a.rating().label();
    return a.hasScore() ? r + " " + String.format(Locale.ROOT, "%.1f", a.score()) : r;
  }

  static String fixed(Finding f) {
    if (f.hasFix()) {
      return f.fixedVersion();
    }
    return f.state() == dev.ingot.scan.db.VendorState.AFFECTED
        ? "none"
        : "none (" + f.state().label() + ")";
  }

  static String osLine(dev.ingot.scan.inventory.OsRelease os) {
    if (!os.isKnown()) {
      return "unknown distribution";
    }
    return os.prettyName().isEmpty() ? os.shortName() : os.prettyName();
  }
}
