package dev.ingot.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {
  private static final String SRC = "source \"null\" \"x\" {\n\tcomunicator = \"none\"\n}\n";

  private static Range range(int l1, int c1, int b1, int l2, int c2, int b2) {
    return new Range("x.pkr.hcl", new Pos(l1, c1, b1), new Pos(l2, c2, b2));
  }

  private static SourceSet sources() {
    return SourceSet.empty()
        .with(
            "x.pkr.hcl",
            SRC.getBytes(StandardCharsets.UTF_8),
            off -> off < 42 ? "source \"null\" \"x\"" : "");
  }

  @Test
  void printsLikePackerWithCaretsUnderTheSubject() {
    Diagnostic d =
        Diagnostic.error(
            "Unsupported argument",
            "An argument named \"comunicator\" is not expected here. Did you mean \"communicator\"?",
            range(2, 2, 21, 2, 13, 32));
    String out = new DiagnosticPrinter(sources(), DiagnosticPrinter.Options.PLAIN).format(d);
    assertThat(out)
        .isEqualTo(
            "Error: Unsupported argument\n\n"
                + "  on x.pkr.hcl line 2, in source \"null\" \"x\":\n"
                + "   2: \tcomunicator = \"none\"\n"
                + "      \t^^^^^^^^^^^\n\n"
                + "An argument named \"comunicator\" is not expected here. Did you mean\n"
                + "\"communicator\"?\n\n");
  }

  @Test
  void colourUnderlinesInsteadOfCarets() {
    Diagnostic d = Diagnostic.warning("Odd", "", range(1, 1, 0, 1, 7, 6));
    String out = new DiagnosticPrinter(sources(), DiagnosticPrinter.Options.COLOR).format(d);
    assertThat(out)
        .isEqualTo(
            "\u001b[33mWarning\u001b[0m: Odd\n\n"
                + "  on x.pkr.hcl line 1, in source \"null\" \"x\":\n"
                + "   1: \u001b[1;4msource\u001b[0m \"null\" \"x\" {\n\n");
  }

  @Test
  void multiLineSubjectsShowEveryLineAndEmptyOnesOneCaret() {
    Diagnostic d = Diagnostic.error("Block", "", range(2, 14, 33, 3, 2, 43));
    String out = new DiagnosticPrinter(sources(), DiagnosticPrinter.Options.PLAIN).format(d);
    assertThat(out).contains("   2: \tcomunicator = \"none\"\n      \t            ^^^^^^^^\n");
    assertThat(out).contains("   3: }\n      ^\n");
    Diagnostic empty = Diagnostic.error("Here", "", range(3, 1, 42, 3, 1, 42));
    assertThat(new DiagnosticPrinter(sources(), DiagnosticPrinter.Options.PLAIN).format(empty))
        .contains("   3: }\n      ^\n");
  }

  private static String snippetAt(String text, int offset, int line, int column) {
    SourceSet set = SourceSet.empty().with("t.hcl", text.getBytes(StandardCharsets.UTF_8), o -> "");
    Pos at = new Pos(line, column, offset);
    Diagnostic d = Diagnostic.error("E", "", new Range("t.hcl", at, at));
    return new DiagnosticPrinter(set, DiagnosticPrinter.Options.PLAIN).format(d);
  }

  @Test
  void aSubjectOnALinesEndShowsThatLineWithTheCaretAfterIt() {
    // An unterminated string or a missing expression is reported at the newline.
    assertThat(snippetAt("a = 1\nb = \nc = 3\n", 10, 2, 5))
        .isEqualTo("Error: E\n\n  on t.hcl line 2:\n   2: b = \n          ^\n\n");
    assertThat(snippetAt("a = 1\r\nb = \r\n", 11, 2, 5))
        .isEqualTo("Error: E\n\n  on t.hcl line 2:\n   2: b = \n          ^\n\n");
  }

  @Test
  void aSubjectAtTheEndOfTheFileShowsWhereTheFileEnds() {
    assertThat(snippetAt("a = 1\nb = ", 10, 2, 5))
        .isEqualTo("Error: E\n\n  on t.hcl line 2:\n   2: b = \n          ^\n\n");
    assertThat(snippetAt("a = 1\nb = \n", 11, 3, 1))
        .isEqualTo("Error: E\n\n  on t.hcl line 3:\n   3: \n      ^\n\n");
    assertThat(snippetAt("", 0, 1, 1))
        .isEqualTo("Error: E\n\n  on t.hcl line 1:\n   1: \n      ^\n\n");
  }

  @Test
  void unknownFilesAndMissingSubjectsStillPrint() {
    Diagnostic d = Diagnostic.error("Bad", "Fix it.", new Range("other.hcl", Pos.START, Pos.START));
    assertThat(new DiagnosticPrinter(sources(), null).format(d))
        .isEqualTo(
            "Error: Bad\n\n  on other.hcl line 1:\n  (source code not available)\n\nFix it.\n\n");
    assertThat(new DiagnosticPrinter(null, null).format(Diagnostic.error("Flag", "", null)))
        .isEqualTo("Error: Flag\n\n");
  }

  @Test
  void wrapsDetailsAtWordsAndKeepsLineBreaks() {
    assertThat(WordWrap.wrap("aaa bbb ccc\n\nddd", 7)).isEqualTo("aaa bbb\nccc\n\nddd");
    assertThat(WordWrap.wrap("averyveryverylongword x", 5)).isEqualTo("averyveryverylongword\nx");
    assertThat(WordWrap.wrap("no wrap", 0)).isEqualTo("no wrap");
  }

  @Test
  void jsonHasRangesContextAndEscapes() {
    Diagnostics ds =
        Diagnostics.of(
            Diagnostic.error("Bad \"quote\"", "line\nbreak\t\u0001", range(2, 2, 21, 2, 13, 32)),
            Diagnostic.warning("No place", "", null));
    assertThat(DiagnosticJson.write(ds, sources()))
        .isEqualTo(
            "[{\"severity\":\"error\",\"summary\":\"Bad \\\"quote\\\"\",\"detail\":\"line\\nbreak\\t\\u0001\","
                + "\"context\":\"source \\\"null\\\" \\\"x\\\"\",\"range\":{\"filename\":\"x.pkr.hcl\","
                + "\"start\":{\"line\":2,\"column\":2,\"byte\":21},\"end\":{\"line\":2,\"column\":13,\"byte\":32}}},"
                + "{\"severity\":\"warning\",\"summary\":\"No place\",\"detail\":\"\"}]");
    assertThat(DiagnosticJson.write(Diagnostics.NONE, null)).isEqualTo("[]");
  }
}
