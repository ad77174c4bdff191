package dev.ingot.scan.db;

/**
 * A severity an advisory states: OSV's {@code {type, score}} where type is CVSS_V3, CVSS_V4,
 * CVSS_V2 or Ubuntu and score is a vector string or a word.
 */
public record SeverityVector(String type, String score) {
  public SeverityVector {
    if (type == null || score == null) {
      throw new IllegalArgumentException("a severity needs a type and a score");
    }
  }
}
