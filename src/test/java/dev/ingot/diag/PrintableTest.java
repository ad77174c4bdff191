package dev.ingot.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What cannot reach a terminal raw, and what is kept. */
class PrintableTest {
  @Test
  void controlsAndInvisibleDirectionalCharactersAreEscaped() {
    assertThat(Printable.of("a\u001b[31mb\nc\u007f\u009b"))
        .isEqualTo("a\\x1b[31mb\\x0ac\\x7f\\x9b");
    assertThat(Printable.of("k\u200fv\u200e\u061c\u2028\u2029\u200b\u200d\u2060\ufeff\u202e\u2066"))
        .isEqualTo(
            "k\\u200fv\\u200e\\u061c\\u2028\\u2029\\u200b\\u200d\\u2060\\ufeff\\u202e\\u2066");
    assertThat(Printable.of("café ünïcode 日本 🐧")).isEqualTo("café ünïcode 日本 🐧");
  }

  @Test
  void jsonKeepsItsLineBreaksAndEscapesTheRestInStrings() {
    assertThat(Printable.inJson("{\n  \"a\": \"x\u009by\u202ez\u200f\"\n}"))
        .isEqualTo("{\n  \"a\": \"x\\u009by\\u202ez\\u200f\"\n}");
  }
}
