package dev.ingot.template.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.model.VersionConstraint;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks made before anything is evaluated, on the corpus cases that need nothing more. */
class StaticChecksTest {
  private static final Path INVALID = Path.of("src/test/resources/templates/invalid");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown-top-level-block",
        "top-level-attribute",
        "variable-labels",
        "duplicate-variable",
        "duplicate-variable-in-variables",
        "variable-bad-type",
        "variable-unknown-argument",
        "validation-bad-message",
        "validation-missing-message",
        "validation-no-self-reference",
        "validation-other-reference",
        "duplicate-local",
        "duplicate-source",
        "source-one-label",
        "packer-block-unknown-argument",
        "required-version-malformed",
        "required-version-unmet",
        "required-version-too-old",
        "build-bad-source-reference",
        "build-name-variable",
        "build-sources-expression",
        "build-unknown-argument",
        "build-unknown-source",
        "build-override-unknown-source",
        "builds-same-name",
        "sources-listed-twice",
        "post-processors-bad-content",
      })
  void reportsWhatTheCorpusExpects(String name) throws Exception {
    Path file = INVALID.resolve(name + ".pkr.hcl");
    String filename = name + ".pkr.hcl";
    var parsed = HclParser.parse(Files.readAllBytes(file), filename);
    assertThat(parsed.diagnostics().all()).isEmpty();
    List<Diagnostic> diags = new ArrayList<>();
    Declarations d =
        new DeclarationDecoder(VersionConstraint.Version.parse("1.11.0"), diags)
            .decode(List.of(new ParsedFile(filename, new byte[0], parsed.body())));
    BuildDecoder builds =
        new BuildDecoder(
            d.sources(), d.sourcesComplete(), (e, extra, ds) -> Value.unknown(Type.DYNAMIC), diags);
    for (Block b : d.builds()) {
      builds.decode(b);
    }
    assertThat(diags.stream().map(StaticChecksTest::line).toList())
        .as(diags.toString())
        .isEqualTo(Files.readAllLines(INVALID.resolve(name + ".expected")));
  }

  static String line(Diagnostic d) {
    String where =
        d.subject() == null
            ? "-"
            : d.subject().filename()
                + ":"
                + d.subject().start().line()
                + ":"
                + d.subject().start().column();
    return (d.isError() ? "error " : "warning ") + where + " " + d.summary();
  }
}
