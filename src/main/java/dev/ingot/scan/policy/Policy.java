package dev.ingot.scan.policy;

import dev.ingot.scan.match.Severities;
import java.util.List;

/**
 * A scan gate: {@code failOn} threshold, {@code onlyFixed} (findings without a fixed version do not
 * count), accepted risks, the order in which severity sources are trusted, and the hardening
 * profiles to run ({@code checks}). Immutable.
 */
public record Policy(
    FailOn failOn,
    boolean onlyFixed,
    List<Ignore> ignores,
    List<String> severitySource,
    List<String> checks) {
  public static final Policy DEFAULT =
      new Policy(FailOn.CRITICAL, false, List.of(), Severities.SOURCES, List.of());

  public Policy {
    ignores = List.copyOf(ignores);
    severitySource = List.copyOf(severitySource);
    checks = List.copyOf(checks);
  }
}
