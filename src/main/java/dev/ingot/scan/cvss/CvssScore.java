package dev.ingot.scan.cvss;

/**
 * A computed CVSS base score (0.0–10.0, one decimal) with its rating and the vector it came from.
 */
public record CvssScore(String version, double score, Rating rating, String vector) {
  public CvssScore {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("score outside 0–10: " + score);
    }
  }

  /**
   * Scores a vector of any supported version ("3.0", "3.1", "4.0"); throws {@link CvssException}
   * for other versions and malformed vectors.
   */
  public static CvssScore of(String vector) {
    CvssVector v = CvssVector.parse(vector);
    double s =
        switch (v.version()) {
          case "3.0", "3.1" -> Cvss31.baseScore(v);
          case "4.0" -> Cvss40.score(v);
          default -> throw new CvssException("unsupported CVSS version " + v.version());
        };
    return new CvssScore(v.version(), s, Rating.ofScore(s), v.text());
  }
}
