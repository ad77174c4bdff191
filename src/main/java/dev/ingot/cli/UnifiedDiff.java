package dev.ingot.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines ("--- old/NAME", "+++ new/NAME", hunks with three lines of
 * context), as {@code packer fmt -diff} shows it. Uses a longest-common-subsequence table, which is
 * fine for templates; very long inputs get one hunk replacing everything. Stateless.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 25_000_000L;

  private UnifiedDiff() {}

  /** The diff, or "" when the texts are equal. */
  static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<char[]> ops = ops(a, b); // each: {op} with ' ', '-', '+'
    StringBuilder out = new StringBuilder();
    out.append("--- old/").append(name).append('\n');
    out.append("+++ new/").append(name).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i)[0] == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while changes are closer than twice the context.
      while (end < ops.size()) {
        int next = end;
        while (next < ops.size() && ops.get(next)[0] == ' ') {
          next++;
        }
        if (next >= ops.size() || next - end > 2 * CONTEXT) {
          end = Math.min(ops.size(), end + CONTEXT);
          break;
        }
        end = next + 1;
      }
      hunk(ops, a, b, start, end, out);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(
      List<char[]> ops, List<String> a, List<String> b, int start, int end, StringBuilder out) {
    int ai = 0;
    int bi = 0;
    for (int k = 0; k < start; k++) {
      char op = ops.get(k)[0];
      ai += op != '+' ? 1 : 0;
      bi += op != '-' ? 1 : 0;
    }
    StringBuilder body = new StringBuilder();
    int aCount = 0;
    int bCount = 0;
    for (int k = start; k < end; k++) {
      char op = ops.get(k)[0];
      String line = op == '+' ? b.get(bi + bCount) : a.get(ai + aCount);
      body.append(op).append(line).append('\n');
      aCount += op != '+' ? 1 : 0;
      bCount += op != '-' ? 1 : 0;
    }
    out.append("@@ -")
        .append(range(ai, aCount))
        .append(" +")
        .append(range(bi, bCount))
        .append(" @@\n")
        .append(body);
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }

  private static List<char[]> ops(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    List<char[]> ops = new ArrayList<>();
    if ((long) n * m > MAX_CELLS) {
      a.forEach(x -> ops.add(new char[] {'-'}));
      b.forEach(x -> ops.add(new char[] {'+'}));
      return ops;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Deletions before insertions, as diff prints them.
        ops.add(new char[] {'-'});
        i++;
      } else {
        ops.add(new char[] {'+'});
        j++;
      }
    }
    return ops;
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
