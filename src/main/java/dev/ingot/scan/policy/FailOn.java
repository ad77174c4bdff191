package dev.ingot.scan.policy;

import dev.ingot.scan.cvss.Rating;
import java.util.Locale;
import java.util.Optional;

/** The {@code fail_on} threshold: the least severe rating that fails the build, or none. */
public enum FailOn {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  NONE;

  public static Optional<FailOn> parse(String s) {
    try {
      return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether a finding of {@code r} fails the policy; never for NONE and never for UNKNOWN. */
  public boolean fails(Rating r) {
    return this != NONE && r.atLeast(Rating.valueOf(name()));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
