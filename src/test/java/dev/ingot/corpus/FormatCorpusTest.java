package dev.ingot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.template.hcl.AstDump;
import dev.ingot.template.hcl.Formatter;
import dev.ingot.template.hcl.HclParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fmt on the whole corpus: idempotent, and the formatted file parses to the same tree. */
class FormatCorpusTest {
  @Test
  void formattingIsIdempotentAndKeepsTheTree() throws Exception {
    List<Path> files = Corpus.formattableFiles();
    assertThat(files).hasSizeGreaterThan(130);
    int formatted = 0;
    int changed = 0;
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      byte[] src = Files.readAllBytes(f);
      String name = f.getFileName().toString();
      HclParser.ParseResult before = HclParser.parse(src, name);
      Formatter.Result once = Formatter.format(src, name);
      if (before.diagnostics().hasErrors()) {
        assertThat(once.text()).as("%s does not parse, so it is not formatted", f).isEmpty();
        continue;
      }
      formatted++;
      String text = once.text().orElseThrow();
      if (!text.equals(new String(src, StandardCharsets.UTF_8))) {
        changed++;
      }
      Formatter.Result twice = Formatter.format(text.getBytes(StandardCharsets.UTF_8), name);
      if (!twice.text().orElseThrow().equals(text)) {
        problems.add(f + ": formatting the formatted text changes it again");
      }
      HclParser.ParseResult after = HclParser.parse(text.getBytes(StandardCharsets.UTF_8), name);
      if (!AstDump.of(after.body(), false).equals(AstDump.of(before.body(), false))) {
        problems.add(f + ": the formatted file parses to another tree");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(formatted).as("files that parse").isGreaterThan(120);
    assertThat(changed).as("the corpus has some unformatted files to exercise fmt").isPositive();
  }
}
