package dev.ingot.scan.cvss;

import static dev.ingot.scan.cvss.Cvss40Tables.EQ1_DEPTH;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ1_MAX;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ2_DEPTH;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ2_MAX;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ3_EQ6_DEPTH;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ3_EQ6_MAX;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ4_DEPTH;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ4_MAX;
import static dev.ingot.scan.cvss.Cvss40Tables.EQ5_MAX;
import static dev.ingot.scan.cvss.Cvss40Tables.LEVELS;
import static dev.ingot.scan.cvss.Cvss40Tables.LEVEL_ORDER;
import static dev.ingot.scan.cvss.Cvss40Tables.SCORES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CVSS v4.0 scoring by the specification's MacroVector method: the vector falls into one of 270
 * MacroVectors (equivalence classes EQ1–EQ6) whose score experts assigned; the score is then
 * lowered by the mean proportional distance of the vector from the most severe vector of its class
 * towards the next lower class. Threat and environmental metrics are honoured when present (with
 * the spec's worst-case defaults), so a plain base vector gives CVSS-B. Pure; thread-safe.
 */
public final class Cvss40 {
  private static final Set<String> BASE =
      Set.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
  private static final Map<String, Set<String>> ALLOWED = allowed();
  private static final double STEP = 0.1;

  private Cvss40() {}

  static double score(CvssVector v) {
    v.require(ALLOWED, BASE);
    Map<String, String> m = effective(v);
    if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(k -> m.get(k).equals("N"))) {
      return 0;
    }
    int eq1 = eq1(m);
    int eq2 = m.get("AC").equals("L") && m.get("AT").equals("N") ? 0 : 1;
    int eq3 = eq3(m);
    int eq4 = eq4(m);
    int eq5 =
        switch (m.get("E")) {
          case "A" -> 0;
          case "P" -> 1;
          default -> 2;
        };
    int eq6 =
        (m.get("CR").equals("H") && m.get("VC").equals("H"))
                || (m.get("IR").equals("H") && m.get("VI").equals("H"))
                || (m.get("AR").equals("H") && m.get("VA").equals("H"))
            ? 0
            : 1;
    double value = SCORES.get(key(eq1, eq2, eq3, eq4, eq5, eq6));

    double lowerEq1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
    double lowerEq2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
    double lowerEq3Eq6;
    if (eq3 == 0 && eq6 == 0) {
      // Two ways down; the reference takes the higher (NaN when either is missing, as Math.max).
      double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
      double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
      lowerEq3Eq6 = Double.isNaN(left) || Double.isNaN(right) ? Double.NaN : Math.max(left, right);
    } else if (eq3 == 1 && eq6 == 0) {
      lowerEq3Eq6 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    } else if (eq3 == 2) {
      lowerEq3Eq6 = Double.NaN;
    } else {
      lowerEq3Eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    }
    double lowerEq4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
    double lowerEq5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

    Map<String, Double> d = distances(m, eq1, eq2, eq3, eq4, eq5, eq6);
    double distEq1 = d.get("AV") + d.get("PR") + d.get("UI");
    double distEq2 = d.get("AC") + d.get("AT");
    double distEq3Eq6 =
        d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR") + d.get("AR");
    double distEq4 = d.get("SC") + d.get("SI") + d.get("SA");

    int existing = 0;
    double sum = 0;
    double[][] parts = {
      {value - lowerEq1, distEq1, EQ1_DEPTH.get(eq1) * STEP},
      {value - lowerEq2, distEq2, EQ2_DEPTH.get(eq2) * STEP},
      {value - lowerEq3Eq6, distEq3Eq6, EQ3_EQ6_DEPTH.get("" + eq3 + eq6) * STEP},
      {value - lowerEq4, distEq4, EQ4_DEPTH.get(eq4) * STEP},
    };
    for (double[] p : parts) {
      if (!Double.isNaN(p[0])) {
        existing++;
        sum += p[0] * (p[1] / p[2]);
      }
    }
    if (!Double.isNaN(value - lowerEq5)) {
      existing++; // EQ5 has no depth: its proportional distance is always zero.
    }
    double mean = existing == 0 ? 0 : sum / existing;
    double clamped = Math.max(0, Math.min(10, value - mean));
    return Math.round(clamped * 10) / 10.0;
  }

  private static int eq1(Map<String, String> m) {
    String av = m.get("AV");
    String pr = m.get("PR");
    String ui = m.get("UI");
    if (av.equals("N") && pr.equals("N") && ui.equals("N")) {
      return 0;
    }
    boolean anyN = av.equals("N") || pr.equals("N") || ui.equals("N");
    return anyN && !av.equals("P") ? 1 : 2;
  }

  private static int eq3(Map<String, String> m) {
    boolean c = m.get("VC").equals("H");
    boolean i = m.get("VI").equals("H");
    if (c && i) {
      return 0;
    }
    return c || i || m.get("VA").equals("H") ? 1 : 2;
  }

  private static int eq4(Map<String, String> m) {
    if (m.get("SI").equals("S") || m.get("SA").equals("S")) {
      return 0;
    }
    return m.get("SC").equals("H") || m.get("SI").equals("H") || m.get("SA").equals("H") ? 1 : 2;
  }

  /** Distances from the first highest-severity vector of the class that is not less severe. */
  private static Map<String, Double> distances(
      Map<String, String> m, int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    List<String> candidates = new ArrayList<>();
    for (String a : EQ1_MAX.get(eq1)) {
      for (String b : EQ2_MAX.get(eq2)) {
        for (String c : EQ3_EQ6_MAX.get("" + eq3 + eq6)) {
          for (String e : EQ4_MAX.get(eq4)) {
            for (String f : EQ5_MAX.get(eq5)) {
              candidates.add(a + "/" + b + "/" + c + "/" + e + "/" + f);
            }
          }
        }
      }
    }
    Map<String, Double> last = null;
    for (String candidate : candidates) {
      Map<String, String> max = new HashMap<>();
      for (String part : candidate.split("/")) {
        max.put(part.substring(0, part.indexOf(':')), part.substring(part.indexOf(':') + 1));
      }
      Map<String, Double> d = new HashMap<>();
      boolean ok = true;
      for (String k : LEVEL_ORDER) {
        double dist = LEVELS.get(k).get(m.get(k)) - LEVELS.get(k).get(max.get(k));
        d.put(k, dist);
        ok &= dist >= 0;
      }
      last = d;
      if (ok) {
        return d;
      }
    }
    return last; // unreachable for valid vectors: some maximal vector always dominates
  }

  private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    Double s = SCORES.get(key(eq1, eq2, eq3, eq4, eq5, eq6));
    return s == null ? Double.NaN : s;
  }

  private static String key(int... eqs) {
    StringBuilder b = new StringBuilder(6);
    for (int e : eqs) {
      b.append(e);
    }
    return b.toString();
  }

  /** Metric values after modified metrics and the worst-case defaults for X. */
  private static Map<String, String> effective(CvssVector v) {
    Map<String, String> m = new HashMap<>();
    for (String k : BASE) {
      String mod = v.get("M" + k, "X");
      m.put(k, mod.equals("X") ? v.get(k, "X") : mod);
    }
    m.put("E", worst(v.get("E", "X"), "A"));
    for (String k : List.of("CR", "IR", "AR")) {
      m.put(k, worst(v.get(k, "X"), "H"));
    }
    return m;
  }

  private static String worst(String value, String fallback) {
    return value.equals("X") ? fallback : value;
  }

  private static Map<String, Set<String>> allowed() {
    Map<String, Set<String>> a = new HashMap<>();
    a.put("AV", Set.of("N", "A", "L", "P"));
    a.put("AC", Set.of("L", "H"));
    a.put("AT", Set.of("N", "P"));
    a.put("PR", Set.of("N", "L", "H"));
    a.put("UI", Set.of("N", "P", "A"));
    for (String k : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
      a.put(k, Set.of("N", "L", "H"));
    }
    a.put("E", Set.of("X", "A", "P", "U"));
    for (String k : List.of("CR", "IR", "AR")) {
      a.put(k, Set.of("X", "H", "M", "L"));
    }
    a.put("MAV", Set.of("X", "N", "A", "L", "P"));
    a.put("MAC", Set.of("X", "L", "H"));
    a.put("MAT", Set.of("X", "N", "P"));
    a.put("MPR", Set.of("X", "N", "L", "H"));
    a.put("MUI", Set.of("X", "N", "P", "A"));
    for (String k : List.of("MVC", "MVI", "MVA", "MSC")) {
      a.put(k, Set.of("X", "H", "L", "N"));
    }
    a.put("MSI", Set.of("X", "S", "H", "L", "N"));
    a.put("MSA", Set.of("X", "S", "H", "L", "N"));
    // Supplemental metrics carry no weight in the score.
    a.put("S", Set.of("X", "N", "P"));
    a.put("AU", Set.of("X", "N", "Y"));
    a.put("R", Set.of("X", "A", "U", "I"));
    a.put("V", Set.of("X", "D", "C"));
    a.put("RE", Set.of("X", "L", "M", "H"));
    a.put("U", Set.of("X", "Clear", "Green", "Amber", "Red"));
    return Map.copyOf(a);
  }
}
