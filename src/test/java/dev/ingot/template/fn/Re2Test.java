package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RE2 syntax translated to java.util.regex with RE2's meaning. */
class Re2Test {
  private static List<String> all(String re, String s) throws Exception {
    return Re2.compile(re).findAll(s, -1).stream().map(m -> m.groups()[0]).toList();
  }

  @Test
  void dollarIsEndOfTextUnlessMultiline() throws Exception {
    assertThat(all("a$", "a\n")).isEmpty(); // Java's $ would match before the final newline
    assertThat(all("(?m)a$", "a\na")).containsExactly("a", "a");
    assertThat(all("(?m:a$)|b$", "a\nb")).containsExactly("a", "b");
  }

  @Test
  void dotExcludesOnlyNewline() throws Exception {
    assertThat(all(".", "a\rb\u2028")).containsExactly("a", "\r", "b", "\u2028");
  }

  @Test
  void namedGroupsAndClasses() throws Exception {
    Re2 re = Re2.compile("(?P<first_name>\\w+) (?<last>\\w+)");
    assertThat(re.groupNames()).containsExactly("first_name", "last");
    assertThat(all("[[:^digit:]]+", "ab12cd")).containsExactly("ab", "cd");
    assertThat(all("[a[]+", "a[b")).containsExactly("a[");
    assertThat(all("\\pL+", "héllo 12")).containsExactly("héllo");
    assertThat(all("\\Q.*\\E", "a.*b")).containsExactly(".*");
    assertThat(all("a{2}", "aaa")).containsExactly("aa");
  }

  @Test
  void emptyMatchesFollowGo() throws Exception {
    assertThat(Re2.compile("a*").replaceAll("baaac", "-")).isEqualTo("-b-c-");
    assertThat(Re2.compile("").replaceAll("ab", "-")).isEqualTo("-a-b-");
  }

  @Test
  void goTemplateExpansion() throws Exception {
    Re2 re = Re2.compile("(?P<k>\\w+)=(\\w+)");
    assertThat(re.replaceAll("a=1", "$2:$k:${k}x:$kx:$$:$")).isEqualTo("1:a:ax::$:$");
  }

  @Test
  void refusesWhatRe2Refuses() {
    for (String bad :
        List.of(
            "(a)\\1",
            "a(?=b)",
            "a(?!b)",
            "(?<=a)b",
            "(?>a)",
            "(?U)a",
            "(",
            ")",
            "[a",
            "\\Z",
            "(?P<>a)",
            "(?P<a>x)(?P<a>y)")) {
      assertThatThrownBy(() -> Re2.compile(bad)).as(bad).isInstanceOf(Re2.SyntaxError.class);
    }
  }
}
