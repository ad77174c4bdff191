package dev.ingot.scan.match;

import dev.ingot.scan.cvss.CvssException;
import dev.ingot.scan.cvss.CvssScore;
import dev.ingot.scan.cvss.Rating;
import dev.ingot.scan.db.SeverityVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns what advisories state into {@link Assessment}s and picks one by a severity-source order
 * such as {@code ["cvss_v4", "cvss_v3", "vendor"]}. CVSS vectors are scored here (never trusted as
 * numbers from the feed); the vendor's word is mapped, Debian urgencies included (it has no
 * "critical": "high" is its top). Pure; thread-safe.
 */
public final class Severities {
  public static final List<String> SOURCES = List.of("cvss_v4", "cvss_v3", "vendor");

  private Severities() {}

  /**
   * All assessments that can be made from the vectors and the vendor word, scoring vectors with
   * {@code scorer} ({@link CvssScore#of} or a memo of it; it throws {@link CvssException} for a
   * malformed vector).
   */
  public static List<Assessment> assess(
      List<SeverityVector> vectors,
      String vendorWord,
      String vendorName,
      List<String> warnings,
      Function<String, CvssScore> scorer) {
    List<Assessment> out = new ArrayList<>();
    for (SeverityVector v : vectors) {
      String source =
          switch (v.type()) {
            case "CVSS_V4" -> "cvss_v4";
            case "CVSS_V3" -> "cvss_v3";
            default -> null; // CVSS_V2 and Ubuntu priorities are not used
          };
      if (source == null || out.stream().anyMatch(a -> a.source().equals(source))) {
        continue;
      }
      try {
        CvssScore s = scorer.apply(v.score());
        out.add(new Assessment(source, s.rating(), s.score(), s.vector(), ""));
      } catch (CvssException e) {
        warnings.add("ignored a malformed CVSS vector: " + e.getMessage());
      }
    }
    vendor(vendorWord, vendorName).ifPresent(out::add);
    return out;
  }

  /** The first assessment in {@code order}; {@link Assessment#UNRATED} when there is none. */
  public static Assessment choose(List<Assessment> all, List<String> order) {
    for (String o : order) {
      for (Assessment a : all) {
        if (a.source().equals(o)) {
          return a;
        }
      }
    }
    return Assessment.UNRATED;
  }

  static Optional<Assessment> vendor(String word, String vendorName) {
    if (word == null || word.isBlank()) {
      return Optional.empty();
    }
    String w = word.strip().toLowerCase(Locale.ROOT);
    if (vendorName.equals("Debian")) {
      Rating r =
          switch (w) {
            case "unimportant" -> Rating.LOW;
            case "low" -> Rating.LOW;
            case "medium" -> Rating.MEDIUM;
            case "high" -> Rating.HIGH;
            default -> null;
          };
      if (r == null) {
        return Optional.empty();
      }
      String note =
          "no CVSS vector; Debian urgency '"
              + w
              + "' mapped to "
              + r.label()
              + (r == Rating.HIGH ? " (Debian has no critical urgency)" : "");
      return Optional.of(new Assessment("vendor", r, Double.NaN, w, note));
    }
    return Rating.parse(w)
        .map(
            r ->
                new Assessment(
                    "vendor",
                    r,
                    Double.NaN,
                    w,
                    "no CVSS vector; " + vendorName + " severity '" + w + "' used"));
  }
}
