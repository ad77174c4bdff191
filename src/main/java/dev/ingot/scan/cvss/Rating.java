package dev.ingot.scan.cvss;

import java.util.Locale;
import java.util.Optional;

/**
 * A qualitative severity, ordered from most to least severe. {@link #UNKNOWN} is for findings with
 * no score and no vendor rating; it sorts last and never reaches a {@code fail_on} threshold.
 */
public enum Rating {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  NONE,
  UNKNOWN;

  /** The CVSS v3.1/v4.0 qualitative scale for a base score in 0.0–10.0. */
  public static Rating ofScore(double score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("CVSS score outside 0–10: " + score);
    }
    if (score == 0) {
      return NONE;
    }
    if (score < 4.0) {
      return LOW;
    }
    if (score < 7.0) {
      return MEDIUM;
    }
    return score < 9.0 ? HIGH : CRITICAL;
  }

  /** Parses "critical", "HIGH", "moderate" (GitHub's word for medium); empty when not a rating. */
  public static Optional<Rating> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "critical" -> Optional.of(CRITICAL);
      case "high", "important" -> Optional.of(HIGH);
      case "medium", "moderate" -> Optional.of(MEDIUM);
      case "low" -> Optional.of(LOW);
      case "none", "negligible" -> Optional.of(NONE);
      case "unknown" -> Optional.of(UNKNOWN);
      default -> Optional.empty();
    };
  }

  /** True when this rating is at least as severe as {@code threshold} (UNKNOWN never is). */
  public boolean atLeast(Rating threshold) {
    return this != UNKNOWN && threshold != UNKNOWN && ordinal() <= threshold.ordinal();
  }

  /** Lower case, as written in templates and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
