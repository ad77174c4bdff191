package dev.ingot.scan.match;

import dev.ingot.scan.cvss.Rating;

/**
 * One way of rating a finding: {@code source} is "cvss_v4", "cvss_v3" or "vendor"; {@code score} is
 * the computed CVSS base score (NaN for vendor ratings); {@code basis} is the vector or the
 * vendor's word; {@code note} explains a mapping ("Debian urgency 'high' mapped to high; Debian has
 * no critical urgency"). Immutable.
 */
public record Assessment(String source, Rating rating, double score, String basis, String note) {
  public static final Assessment UNRATED =
      new Assessment("none", Rating.UNKNOWN, Double.NaN, "", "no CVSS vector and no vendor rating");

  public Assessment {
    note = note == null ? "" : note;
    basis = basis == null ? "" : basis;
  }

  public boolean hasScore() {
    return !Double.isNaN(score);
  }
}
