package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("f", "a\nb\n", "a\nb\n")).isEmpty();
  }

  @Test
  void separateChangesMakeSeparateHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append("l").append(i).append('\n');
    }
    String b = a.toString().replace("l2\n", "L2\n").replace("l18\n", "");
    assertThat(UnifiedDiff.of("f", a.toString(), b))
        .isEqualTo(
            "--- old/f\n+++ new/f\n"
                + "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n"
                + "@@ -15,6 +15,5 @@\n l15\n l16\n l17\n-l18\n l19\n l20\n");
  }

  @Test
  void addedAtTheEnd() {
    assertThat(UnifiedDiff.of("f", "a\n", "a\nb\n"))
        .isEqualTo("--- old/f\n+++ new/f\n@@ -1 +1,2 @@\n a\n+b\n");
  }
}
