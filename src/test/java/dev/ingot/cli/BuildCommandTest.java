package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  @TempDir Path dir;

  private Path plan(String text) throws Exception {
    Path p = dir.resolve("t.testplan");
    Files.writeString(p, text);
    return p;
  }

  private CliTestSupport.Run ingot(String... args) {
    return CliTestSupport.run(dir, Map.of("HOME", dir.toString()), args);
  }

  @Test
  void runsBuildsAndPrintsPackersSummary() throws Exception {
    plan("a shell-local echo hello from a\nb shell-local echo ${var.greeting} from b\n");
    var r = ingot("build", "-var", "greeting=hi", "t.testplan");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("    null.a: hello from a")
        .contains("    null.b: hi from b")
        .contains("==> Builds finished. The artifacts of successful builds are:")
        .contains("--> null.a: no artifact")
        .doesNotContain("\033[");
  }

  @Test
  void onlyExceptAndBothFlagSpellings() throws Exception {
    plan("a shell-local echo A\nb shell-local echo B\n");
    var only = ingot("build", "-only=*.a", "--force", "t.testplan");
    assertThat(only.out()).contains("null.a: A").doesNotContain("null.b");
    var except = ingot("build", "--except", "null.a", "-force", "t.testplan");
    assertThat(except.out()).contains("null.b: B").doesNotContain("null.a");
  }

  @Test
  void failingBuildExitsOneAndSecretsStayHidden() throws Exception {
    plan("secret tops3cret\nbad shell-local echo tops3cret; exit 7\n");
    var r = ingot("build", "-machine-readable", "t.testplan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(",null.bad,error,Script exited with non-zero exit status: 7")
        .contains("<sensitive>")
        .doesNotContain("tops3cret");
    var json = ingot("build", "--json", "t.testplan");
    assertThat(json.out())
        .contains("\"type\":\"build-finished\"")
        .contains("\"status\":\"failed\"")
        .doesNotContain("tops3cret");
  }

  @Test
  void planProblemsAreDiagnosticsBeforeAnythingRuns() throws Exception {
    plan("x shell touch ran\n");
    var r = ingot("build", "t.testplan");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Provisioner \"shell\" needs a communicator")
        .contains("on t.testplan line 1:");
    assertThat(dir.resolve("ran")).doesNotExist();
    plan("x shel-local true\n");
    var typo = ingot("build", "t.testplan");
    assertThat(typo.exitCode()).isEqualTo(1);
    assertThat(typo.err())
        .contains("Unknown provisioner type \"shel-local\"")
        .containsPattern("Did you mean\\s+\"shell-local\"\\?");
  }

  @Test
  void anOnlyThatMatchesNoBuildSaysSo() throws Exception {
    // It ran nothing and read as a success.
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        """
        source "null" "a" { communicator = "none" }
        build {
          sources = ["source.null.a"]
        }
        """);
    var r = ingot("build", "-only=nomatch.*", "t.pkr.hcl");
    assertThat(r.err())
        .contains("Warning: no build of t.pkr.hcl matches -only=nomatch.*; nothing was built");
    var all = ingot("build", "-force", "-only=null.*", "t.pkr.hcl");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.err()).doesNotContain("matches");
  }

  @Test
  void usageMistakesExitTwo() throws Exception {
    plan("a shell-local true\n");
    assertThat(ingot("build", "-on-error=sometimes", "t.testplan").exitCode()).isEqualTo(2);
    assertThat(ingot("build", "-var", "novalue", "t.testplan").exitCode()).isEqualTo(2);
    assertThat(ingot("build", "--json", "-machine-readable", "t.testplan").exitCode()).isEqualTo(2);
    assertThat(ingot("build", "-only={a", "t.testplan").err()).contains("Invalid -only pattern {a");
    assertThat(ingot("build", "missing.testplan").err())
        .contains("there is no template file or directory missing.testplan");
    var ask = ingot("build", "-on-error=ask", "t.testplan");
    assertThat(ask.exitCode()).isZero();
    assertThat(ask.err()).contains("-on-error=ask is not supported; using abort");
  }

  @Test
  void aTemplateNoLoaderReadsIsAClearError() throws Exception {
    Files.writeString(dir.resolve("x.unknown"), "");
    var r = ingot("build", "x.unknown");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no template loader");
  }

  @Test
  void helpHasExamplesAndCompletionWorks() {
    var help = ingot("build", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("-only", "-parallel-builds", "-timestamp-ui", "Examples:", "Exit status");
    var bash = ingot("completion", "bash");
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("build").contains("-parallel-builds");
    assertThat(ingot("completion", "zsh").out()).contains("bashcompinit");
    assertThat(ingot("completion", "fish").exitCode()).isEqualTo(2);
    assertThat(ingot("completion", "--help").out()).contains("Examples:");
  }

  @Test
  void colourAndTimestampsOnRequest() throws Exception {
    plan("a shell-local echo hi\n");
    var coloured = ingot("build", "--color", "t.testplan");
    assertThat(coloured.out()).contains("\033[1;32mnull.a: output will be in this color.\033[0m");
    var plain = ingot("build", "-color=false", "-timestamp-ui", "t.testplan");
    assertThat(plain.out())
        .doesNotContain("\033[")
        .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ:     null.a: hi$");
    var noColor = CliTestSupport.run(dir, Map.of("NO_COLOR", "1"), "build", "t.testplan");
    assertThat(noColor.out()).doesNotContain("\033[");
  }
}
