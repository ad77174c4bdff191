package dev.ingot.diag;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" suggestions by edit distance, as HCL and Terraform make them: a candidate
 * qualifies when its Levenshtein distance from what was typed is less than {@link #MAX_DISTANCE};
 * the nearest one wins, and among equally near ones the first in the collection's order. Stateless;
 * thread-safe.
 */
public final class Suggest {
  /** The distance at which a candidate stops being a suggestion (HCL uses 3). */
  public static final int MAX_DISTANCE = 3;

  private Suggest() {}

  /** The candidate closest to {@code typed}, if one is close enough; never {@code typed} itself. */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_DISTANCE;
    for (String c : candidates) {
      if (c.equals(typed)) {
        continue;
      }
      int d = distance(typed, c, bestDistance);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The detail text HCL appends: {@code Did you mean "name"?}, or empty. */
  public static String didYouMean(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(s -> "Did you mean \"" + s + "\"?").orElse("");
  }

  /**
   * Levenshtein distance between the code points of {@code a} and {@code b}, or {@code limit} when
   * it is at least that (the computation stops early).
   */
  public static int distance(String a, String b, int limit) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    if (Math.abs(x.length - y.length) >= limit) {
      return limit;
    }
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[y.length], limit);
  }
}
