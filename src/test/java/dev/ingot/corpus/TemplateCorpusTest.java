package dev.ingot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.build.plan.TemplatePlans;
import dev.ingot.diag.Diagnostic;
import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ingot validate}'s logic on every corpus case: valid/ cases give no error (and exactly the
 * warnings of their .expected file), invalid/ cases exactly the diagnostics of theirs. Run with
 * {@code -Dingot.corpus.regen=true} to rewrite the .expected files from what Ingot reports.
 */
class TemplateCorpusTest {
  private static final PluginRegistry PLUGINS =
      PluginRegistry.load(TemplateCorpusTest.class.getClassLoader());

  static Stream<Corpus.Case> cases() {
    return Corpus.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateReportsWhatTheCaseExpects(Corpus.Case c) throws Exception {
    List<String> actual = validate(c);
    if (Boolean.getBoolean("ingot.corpus.regen")) {
      if (!actual.isEmpty() || Files.exists(c.expectedFile())) {
        Files.write(c.expectedFile(), actual);
      }
      return;
    }
    if (c.valid()) {
      assertThat(actual).as("errors in a valid template").noneMatch(l -> l.startsWith("error"));
    } else {
      assertThat(c.expected()).as("an invalid case needs its .expected file").isNotEmpty();
    }
    assertThat(actual).isEqualTo(c.expected());
  }

  static List<String> validate(Corpus.Case c) {
    List<String> vars = new ArrayList<>();
    List<String> varFiles = new ArrayList<>();
    List<String> args = c.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-var")) {
        vars.add(args.get(++i));
      } else if (a.startsWith("-var=")) {
        vars.add(a.substring(5));
      } else if (a.equals("-var-file")) {
        varFiles.add(args.get(++i));
      } else if (a.startsWith("-var-file=")) {
        varFiles.add(a.substring(10));
      } else {
        throw new IllegalArgumentException(c + ": unknown argument " + a);
      }
    }
    LoadRequest req =
        new LoadRequest(
            c.argument(),
            c.folder().toAbsolutePath(),
            vars,
            varFiles,
            env(c),
            TemplateLoader.PACKER_VERSION,
            null);
    TemplatePlans.Outcome o = TemplatePlans.load(req, PLUGINS, BuildFilter.ALL);
    return o.diagnostics().all().stream().map(TemplateCorpusTest::line).toList();
  }

  /** A fixed HOME (for pathexpand) plus the case's own variables. */
  static java.util.Map<String, String> env(Corpus.Case c) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("HOME", "/home/tester");
    env.putAll(c.env());
    return env;
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

  static Path root() {
    return Corpus.ROOT;
  }
}
