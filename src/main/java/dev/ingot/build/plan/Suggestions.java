package dev.ingot.build.plan;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for unknown names: the closest candidate by edit distance, if close enough.
 * Private fallback until {@code dev.ingot.diag.Suggest} lands; then this delegates to it.
 */
final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(given, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // Same threshold idea as HCL's nameSuggestion: a few edits, relative to the length.
    int limit = Math.max(1, Math.min(3, given.length() / 2));
    return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** " Did you mean \"x\"?" or "" — ready to append to a diagnostic's detail. */
  static String didYouMean(String given, Collection<String> candidates) {
    return closest(given, candidates).map(s -> " Did you mean \"" + s + "\"?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
