package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid files parse without diagnostics to the expected tree; invalid ones give the expected
 * errors.
 */
class HclGoldenTest {
  static List<Path> valid() throws IOException {
    return Golden.inputs("valid");
  }

  static List<Path> invalid() throws IOException {
    return Golden.inputs("invalid");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validFilesParseToTheExpectedTree(Path input) throws IOException {
    HclParser.ParseResult r =
        HclParser.parse(Files.readAllBytes(input), input.getFileName().toString());
    assertThat(r.diagnostics().all()).as(input.toString()).isEmpty();
    Golden.check(input, ".ast", AstDump.of(r.body(), true));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidFilesGiveTheExpectedDiagnostics(Path input) throws IOException {
    byte[] src = Files.readAllBytes(input);
    HclParser.ParseResult r = HclParser.parse(src, input.getFileName().toString());
    assertThat(r.diagnostics().hasErrors()).as(input.toString()).isTrue();
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : r.diagnostics().all()) {
      sb.append(d.subject().start().line())
          .append(':')
          .append(d.subject().start().column())
          .append(' ')
          .append(d.summary())
          .append('\n');
      assertThat(d.subject().end().byteOffset()).isLessThanOrEqualTo(src.length);
    }
    Golden.check(input, ".diags", sb.toString());
  }
}
