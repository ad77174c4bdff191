package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden output, idempotence and the parse → format → parse round trip on every valid file. */
class FormatterTest {
  static List<Path> inputs() throws IOException {
    List<Path> all = new ArrayList<>(Golden.inputs("valid"));
    all.addAll(Golden.inputs("fmt"));
    return all;
  }

  private static String format(String src) {
    Formatter.Result r = Formatter.format(src.getBytes(StandardCharsets.UTF_8), "t.pkr.hcl");
    assertThat(r.diagnostics().hasErrors()).as(r.diagnostics().toString()).isFalse();
    return r.text().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void formatsLikeTheGoldenFile(Path input) throws IOException {
    Golden.check(input, ".fmt", format(Files.readString(input)));
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void isIdempotent(Path input) throws IOException {
    String once = format(Files.readString(input));
    assertThat(format(once)).isEqualTo(once);
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void keepsTheSyntaxTree(Path input) throws IOException {
    String src = Files.readString(input);
    String before =
        AstDump.of(HclParser.parse(src.getBytes(StandardCharsets.UTF_8), "t").body(), false);
    String after =
        AstDump.of(
            HclParser.parse(format(src).getBytes(StandardCharsets.UTF_8), "t").body(), false);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void refusesInputWithSyntaxErrors() {
    Formatter.Result r =
        Formatter.format("a = \n b = {".getBytes(StandardCharsets.UTF_8), "bad.pkr.hcl");
    assertThat(r.text()).isEmpty();
    assertThat(r.diagnostics().hasErrors()).isTrue();
    assertThat(r.diagnostics().all().get(0).subject().filename()).isEqualTo("bad.pkr.hcl");
  }

  @Test
  void leavesAFileAloneRatherThanChangeItsMeaning() {
    // hclwrite would join "1 . 5" into the number 1.5; a traversal of 1 is what was written.
    Formatter.Result r = Formatter.format("a = 1 . 5\n".getBytes(StandardCharsets.UTF_8), "t");
    assertThat(r.text()).contains("a = 1 . 5\n");
    assertThat(r.diagnostics().all())
        .extracting(d -> d.summary())
        .containsExactly("File left unformatted");
  }

  @Test
  void keepsAdjacentTemplateSequencesTogether() {
    assertThat(format("a = \"${x}${y}%{if z}%{endif}\"\n"))
        .isEqualTo("a = \"${x}${y}%{if z}%{endif}\"\n");
  }

  @Test
  void alignsEqualsOnlyWithinRunsOfOneLineArguments() {
    assertThat(format("a=1\nlong_name=2\n\nb=3\nblock {\n}\nccc={\nd=1\n}\n"))
        .isEqualTo("a         = 1\nlong_name = 2\n\nb = 3\nblock {\n}\nccc = {\n  d = 1\n}\n");
  }

  @Test
  void leavesTemplateTextAndHeredocsAlone() {
    String src = "a = \"  two  spaces ${ x }\"\nb = <<EOF\n   keep ${ y }\nEOF\n";
    assertThat(format(src)).isEqualTo("a = \"  two  spaces ${x}\"\nb = <<EOF\n   keep ${y}\nEOF\n");
  }
}
