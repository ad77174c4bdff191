package dev.ingot.pkg.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DebVersion} against {@code dpkg --compare-versions} on generated and tricky pairs. */
@Tag("peer")
@Tag("slow")
class DebVersionOracleTest {
  @TempDir Path tmp;

  static final List<String> TRICKY =
      List.of(
          "1.0",
          "1.0-1",
          "1.0-0",
          "1.0~rc1",
          "1.0~rc1-1",
          "1.0~~",
          "1.0~~a",
          "1.0~",
          "1.0+",
          "1.0.",
          "1:1.0",
          "0:1.0",
          "2:0.1",
          "1.0a",
          "1.0A",
          "1.0+dfsg",
          "1.0+dfsg-1~bpo12+1",
          "1.00",
          "1.000001",
          "01.1",
          "1.1",
          "1.01",
          "1.0-1.1",
          "1.0-1+b1",
          "1.0-1~deb12u1",
          "3.0.11-1~deb12u2",
          "3.0.15-1~deb12u1",
          "2.36-9+deb12u10",
          "2.36-9+deb12u9",
          "252.39-1~deb12u1",
          "1.2.3-4",
          "1.2.3-4.1",
          "1.2.3+4",
          "10",
          "9",
          "1.0b",
          "1.0.0",
          "0.9",
          "1~",
          "1~~",
          "1",
          "1-1",
          "1-1-1",
          "1:1-1-1",
          "1.0-a",
          "1.0-A",
          "1.0-+",
          "1.0-.",
          "1.0.a",
          "1.0.+",
          "1.0+a",
          "99999999999999999999",
          "100000000000000000000",
          "1.0z",
          "1.0Z",
          "1+1",
          "1.1~1",
          "1.1~1-1",
          "7.88.1-10+deb12u8",
          "7.88.1-10+deb12u12",
          "5.2.15-2+b7",
          "5.2.15-2+b2");

  @Test
  void agreesWithDpkgOnThousandsOfPairs() throws Exception {
    Random rnd = new Random(42);
    List<String[]> pairs = new ArrayList<>();
    for (String a : TRICKY) {
      for (String b : TRICKY) {
        if (rnd.nextInt(3) == 0) {
          pairs.add(new String[] {a, b});
        }
      }
    }
    while (pairs.size() < 3000) {
      String a = random(rnd);
      String b = rnd.nextInt(4) == 0 ? mutate(a, rnd) : random(rnd);
      pairs.add(new String[] {a, b});
    }
    StringBuilder in = new StringBuilder();
    for (String[] p : pairs) {
      in.append(p[0]).append(' ').append(p[1]).append('\n');
    }
    Path file = tmp.resolve("pairs");
    Files.writeString(file, in);
    String script =
        "while read a b; do if dpkg --compare-versions \"$a\" lt \"$b\"; then echo '<';"
            + " elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo '='; else echo '>'; fi;"
            + " done < "
            + file;
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
    assertThat(p.waitFor()).isZero();
    assertThat(out).hasSize(pairs.size());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int c = DebVersion.compare(pairs.get(i)[0], pairs.get(i)[1]);
      String ours = c < 0 ? "<" : c == 0 ? "=" : ">";
      if (!ours.equals(out.get(i))) {
        wrong.add(
            pairs.get(i)[0] + " " + out.get(i) + " " + pairs.get(i)[1] + " (we said " + ours + ")");
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static final String CHARS = "0123456789.+~aAzZb";

  static String part(Random rnd, int max, boolean digitFirst) {
    StringBuilder s = new StringBuilder();
    if (digitFirst) {
      s.append((char) ('0' + rnd.nextInt(10)));
    }
    int n = rnd.nextInt(max);
    for (int i = 0; i < n; i++) {
      s.append(CHARS.charAt(rnd.nextInt(CHARS.length())));
    }
    return s.isEmpty() ? "0" : s.toString();
  }

  static String random(Random rnd) {
    String v = part(rnd, 6, true);
    if (rnd.nextInt(4) == 0) {
      v = rnd.nextInt(3) + ":" + v;
    }
    if (rnd.nextBoolean()) {
      v = v + "-" + part(rnd, 4, false);
    }
    return v;
  }

  static String mutate(String v, Random rnd) {
    String[] suffixes = {"~", "+", ".0", "a", "~1", "0", ".1", "+b1"};
    int dash = v.lastIndexOf('-');
    String s = suffixes[rnd.nextInt(suffixes.length)];
    return dash < 0 ? v + s : v.substring(0, dash) + s + v.substring(dash);
  }
}
