package dev.ingot.scan.cvss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the CVSS v4.0 scoring method (FIRST specification, section 8 and its reference
 * calculator): the expert-assigned score of each of the 270 MacroVectors, the highest-severity
 * vectors of each equivalence class, the depth of each class, and the severity level of each metric
 * value. Immutable.
 */
final class Cvss40Tables {
  private Cvss40Tables() {}

  /*
   * One row per EQ1 EQ2 EQ3 prefix; the values run over EQ4 (0..2), then EQ5 (0..2), then EQ6
   * (0..1). EQ3 = 2 exists only with EQ6 = 1, so those rows have nine values.
   */
  private static final String MACRO_SCORES =
      """
      000 10 9.9 9.8 9.5 9.5 9.2 10 9.6 9.3 8.7 9.1 8.1 9.3 9 8.9 8 8.1 6.8
      001 9.8 9.5 9.5 9.2 9 8.4 9.3 9.2 8.9 8.1 8.1 6.5 8.8 8 7.8 7 6.9 4.8
      002 9.2 8.2 7.2 7.9 6.9 5 6.9 5.5 2.7
      010 9.9 9.7 9.5 9.2 9.2 8.5 9.5 9.1 9 8.3 8.4 7.1 9.2 8.1 8.2 7.1 7.2 5.3
      011 9.5 9.3 9.2 8.5 8.5 7.3 9.2 8.2 8 7.2 7 5.9 8.4 7 7.1 5.2 5 3
      012 8.6 7.5 5.2 7.1 5.2 2.9 6.3 2.9 1.7
      100 9.8 9.5 9.4 8.7 9.1 8.1 9.4 8.9 8.6 7.4 7.7 6.4 8.7 7.5 7.4 6.3 6.3 4.9
      101 9.4 8.9 8.8 7.7 7.6 6.7 8.6 7.6 7.4 5.8 5.9 5 7.2 5.7 5.7 5.2 5.2 2.5
      102 8.3 7 5.4 6.5 5.8 2.6 5.3 2.1 1.3
      110 9.5 9 8.8 7.6 7.6 7 9 7.7 7.5 6.2 6.1 5.3 7.7 6.6 6.8 5.9 5.2 3
      111 8.9 7.8 7.6 6.7 6.2 5.8 7.4 5.9 5.7 5.7 4.7 2.3 6.1 5.2 5.7 2.9 2.4 1.6
      112 7.1 5.9 3 5.8 2.6 1.5 2.3 1.3 0.6
      200 9.3 8.7 8.6 7.2 7.5 5.8 8.6 7.4 7.4 6.1 5.6 3.4 7 5.4 5.2 4 4 2.2
      201 8.5 7.5 7.4 5.5 6.2 5.1 7.2 5.7 5.5 4.1 4.6 1.9 5.3 3.6 3.4 1.9 1.9 0.8
      202 6.4 5.1 2 4.7 2.1 1.1 2.4 0.9 0.4
      210 8.8 7.5 7.3 5.3 6 5 7.3 5.5 5.9 4 4.1 2 5.4 4.3 4.5 2.2 2 1.1
      211 7.5 5.5 5.8 4.5 4 2.1 6.1 5.1 4.8 1.8 2 0.9 4.6 1.8 1.7 0.7 0.8 0.2
      212 5.3 2.4 1.4 2.4 1.2 0.5 1 0.3 0.1
      """;

  /** MacroVector ("EQ1..EQ6" digits) to its score. */
  static final Map<String, Double> SCORES = parseScores();

  /** Highest-severity partial vectors of each EQ level (EQ3 is keyed by EQ3 then EQ6). */
  static final Map<Integer, List<String>> EQ1_MAX =
      Map.of(
          0, List.of("AV:N/PR:N/UI:N"),
          1, List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
          2, List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));

  static final Map<Integer, List<String>> EQ2_MAX =
      Map.of(0, List.of("AC:L/AT:N"), 1, List.of("AC:H/AT:N", "AC:L/AT:P"));

  static final Map<String, List<String>> EQ3_EQ6_MAX =
      Map.of(
          "00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
          "01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
          "10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
          "11",
              List.of(
                  "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H",
                  "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                  "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                  "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                  "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
          "21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"));

  static final Map<Integer, List<String>> EQ4_MAX =
      Map.of(
          0, List.of("SC:H/SI:S/SA:S"), 1, List.of("SC:H/SI:H/SA:H"), 2, List.of("SC:L/SI:L/SA:L"));

  static final Map<Integer, List<String>> EQ5_MAX =
      Map.of(0, List.of("E:A"), 1, List.of("E:P"), 2, List.of("E:U"));

  /** Depth of each class (the spec's maximal severity distance plus one), in 0.1 steps. */
  static final Map<Integer, Integer> EQ1_DEPTH = Map.of(0, 1, 1, 4, 2, 5);

  static final Map<Integer, Integer> EQ2_DEPTH = Map.of(0, 1, 1, 2);
  static final Map<String, Integer> EQ3_EQ6_DEPTH =
      Map.of("00", 7, "01", 6, "10", 8, "11", 8, "21", 10);
  static final Map<Integer, Integer> EQ4_DEPTH = Map.of(0, 6, 1, 5, 2, 4);

  /** Severity level of each metric value: 0.0 is the most severe; steps of 0.1. */
  static final Map<String, Map<String, Double>> LEVELS =
      Map.ofEntries(
          Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
          Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
          Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
          Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
          Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
          Map.entry("VC", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("VI", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("VA", Map.of("H", 0.0, "L", 0.1, "N", 0.2)),
          Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3)),
          Map.entry("CR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
          Map.entry("IR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
          Map.entry("AR", Map.of("H", 0.0, "M", 0.1, "L", 0.2)),
          Map.entry("E", Map.of("U", 0.2, "P", 0.1, "A", 0.0)));

  /** The order in which distances are summed (kept so results match the reference exactly). */
  static final List<String> LEVEL_ORDER =
      List.of(
          "AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR", "E");

  private static Map<String, Double> parseScores() {
    Map<String, Double> m = new HashMap<>();
    for (String line : MACRO_SCORES.strip().split("\n")) {
      String[] f = line.strip().split(" +");
      String prefix = f[0];
      boolean onlyEq6One = prefix.charAt(2) == '2';
      int i = 1;
      for (int eq4 = 0; eq4 < 3; eq4++) {
        for (int eq5 = 0; eq5 < 3; eq5++) {
          for (int eq6 = onlyEq6One ? 1 : 0; eq6 < 2; eq6++) {
            m.put(prefix + eq4 + eq5 + eq6, Double.parseDouble(f[i++]));
          }
        }
      }
      if (i != f.length) {
        throw new IllegalStateException("CVSS 4.0 table row has the wrong length: " + prefix);
      }
    }
    return Map.copyOf(m);
  }
}
