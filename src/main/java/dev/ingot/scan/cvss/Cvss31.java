package dev.ingot.scan.cvss;

import java.util.Map;
import java.util.Set;

/**
 * CVSS v3.1 base score, from the equations of the FIRST v3.1 specification (section 7.1) with its
 * Roundup function (Appendix A) that avoids floating-point surprises. v3.0 vectors are scored with
 * the same equations (v3.1 changed only the rounding helper and wording). Pure; thread-safe.
 */
public final class Cvss31 {
  private static final Set<String> BASE = Set.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("AV", Set.of("N", "A", "L", "P")),
          Map.entry("AC", Set.of("L", "H")),
          Map.entry("PR", Set.of("N", "L", "H")),
          Map.entry("UI", Set.of("N", "R")),
          Map.entry("S", Set.of("U", "C")),
          Map.entry("C", Set.of("N", "L", "H")),
          Map.entry("I", Set.of("N", "L", "H")),
          Map.entry("A", Set.of("N", "L", "H")),
          // Temporal and environmental metrics are accepted and ignored: this is the base score.
          Map.entry("E", Set.of("X", "U", "P", "F", "H")),
          Map.entry("RL", Set.of("X", "O", "T", "W", "U")),
          Map.entry("RC", Set.of("X", "U", "R", "C")),
          Map.entry("CR", Set.of("X", "L", "M", "H")),
          Map.entry("IR", Set.of("X", "L", "M", "H")),
          Map.entry("AR", Set.of("X", "L", "M", "H")),
          Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
          Map.entry("MAC", Set.of("X", "L", "H")),
          Map.entry("MPR", Set.of("X", "N", "L", "H")),
          Map.entry("MUI", Set.of("X", "N", "R")),
          Map.entry("MS", Set.of("X", "U", "C")),
          Map.entry("MC", Set.of("X", "N", "L", "H")),
          Map.entry("MI", Set.of("X", "N", "L", "H")),
          Map.entry("MA", Set.of("X", "N", "L", "H")));

  private Cvss31() {}

  /** The base score of a parsed v3.x vector. */
  static double baseScore(CvssVector v) {
    v.require(ALLOWED, BASE);
    boolean changed = v.get("S", "U").equals("C");
    double iss = 1 - (1 - cia(v, "C")) * (1 - cia(v, "I")) * (1 - cia(v, "A"));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability =
        8.22
            * av(v.get("AV", ""))
            * ac(v.get("AC", ""))
            * pr(v.get("PR", ""), changed)
            * ui(v.get("UI", ""));
    if (impact <= 0) {
      return 0;
    }
    double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
    return roundup(Math.min(sum, 10));
  }

  /** Appendix A: the smallest number with one decimal that is equal to or above the input. */
  static double roundup(double input) {
    long intInput = Math.round(input * 100_000);
    if (intInput % 10_000 == 0) {
      return intInput / 100_000.0;
    }
    return (Math.floor(intInput / 10_000.0) + 1) / 10.0;
  }

  private static double cia(CvssVector v, String m) {
    return switch (v.get(m, "N")) {
      case "H" -> 0.56;
      case "L" -> 0.22;
      default -> 0;
    };
  }

  private static double av(String s) {
    return switch (s) {
      case "N" -> 0.85;
      case "A" -> 0.62;
      case "L" -> 0.55;
      default -> 0.2;
    };
  }

  private static double ac(String s) {
    return s.equals("L") ? 0.77 : 0.44;
  }

  private static double pr(String s, boolean changed) {
    return switch (s) {
      case "N" -> 0.85;
      case "L" -> changed ? 0.68 : 0.62;
      default -> changed ? 0.5 : 0.27;
    };
  }

  private static double ui(String s) {
    return s.equals("N") ? 0.85 : 0.62;
  }
}
