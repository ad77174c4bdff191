package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's help, and command lines that cannot be parsed: one clear line, exit 2. */
class CommandUsageTest {
  @TempDir Path dir;

  /** Every command and subcommand, as the words that name it ("db", "import"). */
  static Stream<List<String>> commands() {
    CliEnv env =
        new CliEnv(
            Map.of(),
            Path.of("."),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    List<List<String>> all = new ArrayList<>();
    collect(Ingot.commandLine(env), List.of(), all);
    assertThat(all).hasSizeGreaterThanOrEqualTo(Commands.ALL.size());
    return all.stream();
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasHelpWithExamples(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .startsWith("Usage: ingot " + String.join(" ", command))
        .contains("\nExamples:\n  ")
        .doesNotContain("null/")
        .containsPattern("\nExamples:\n(  .*\n)*  .*ingot " + command.getFirst());
    // Fits a terminal, names every value (picocli's "--cache-dir=<cacheDir>" otherwise), and
    // the synopsis continues indented (a line over the width came out at column 0).
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    assertThat(r.out()).doesNotContainPattern("=<[a-zA-Z]");
    assertThat(r.out()).doesNotContainPattern("(?m)^[\\[-]");
    List<String> shortForm = new ArrayList<>(command);
    shortForm.add("-h");
    assertThat(CliTestSupport.run(dir, Map.of(), shortForm.toArray(String[]::new)).out())
        .isEqualTo(r.out());
  }

  @Test
  void noArgumentsShowTheSameUsageAsHelp() {
    CliTestSupport.Run none = CliTestSupport.run(dir, Map.of());
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEqualTo(CliTestSupport.run(dir, Map.of(), "--help").out());
    assertThat(none.out()).contains("\n  build ");
    // A command of subcommands, alone, shows its own usage (db printed picocli's exception).
    CliTestSupport.Run db = CliTestSupport.run(dir, Map.of(), "db");
    assertThat(db.exitCode()).as(db.err()).isZero();
    assertThat(db.out()).isEqualTo(CliTestSupport.run(dir, Map.of(), "db", "--help").out());
    assertThat(db.err()).isEmpty();
  }

  @Test
  void rootHelpListsEveryCommand() {
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "--help");
    assertThat(r.exitCode()).isZero();
    for (Class<?> c : Commands.ALL) {
      String name = c.getAnnotation(CommandLine.Command.class).name();
      assertThat(r.out()).contains("\n  " + name + " ");
    }
    assertThat(r.out()).contains("Examples:");
  }

  /** README's Commands table has a row for every command (a new command needs one). */
  @Test
  void readmeListsEveryCommand() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("### Commands"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| command")));
    for (Class<?> c : Commands.ALL) {
      String name = c.getAnnotation(CommandLine.Command.class).name();
      assertThat(table).as("README Commands row for " + name).contains("| `ingot " + name);
    }
  }

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        Arguments.of(
            List.of("biuld", "x.pkr.hcl"),
            "Error: unknown command 'biuld'. Did you mean 'build'? See 'ingot --help'."),
        Arguments.of(
            List.of("frobnicate"), "Error: unknown command 'frobnicate'. See 'ingot --help'."),
        // The unknown word, not what the command after it lacks.
        Arguments.of(List.of("zzz", "build"), "Error: unknown command 'zzz'. See 'ingot --help'."),
        Arguments.of(
            List.of("biuld", "validate"),
            "Error: unknown command 'biuld'. Did you mean 'build'? See 'ingot --help'."),
        Arguments.of(
            List.of("build", "--forse", "x.pkr.hcl"),
            "Error: unknown option '--forse' for 'ingot build'. Did you mean '--force'?"
                + " See 'ingot build --help'."),
        Arguments.of(
            List.of("build", "-paralel-builds=2", "x.pkr.hcl"),
            "Error: unknown option '-paralel-builds' for 'ingot build'. Did you mean"
                + " '-parallel-builds'? See 'ingot build --help'."),
        Arguments.of(
            List.of("validate", "-syntaxonly", "x.pkr.hcl"),
            "Error: unknown option '-syntaxonly' for 'ingot validate'. Did you mean"
                + " '-syntax-only'? See 'ingot validate --help'."),
        Arguments.of(
            List.of("build"),
            "Error: missing required parameter: 'TEMPLATE'. See 'ingot build --help'."),
        Arguments.of(
            List.of("build", "a.pkr.hcl", "b.pkr.hcl"),
            "Error: unexpected argument 'b.pkr.hcl' for 'ingot build'. See 'ingot build --help'."),
        Arguments.of(
            List.of("build", "-parallel-builds=two", "x.pkr.hcl"),
            "Error: invalid value for option '--parallel-builds': 'two' is not an int."
                + " See 'ingot build --help'."),
        Arguments.of(
            List.of("scan", "--cache-dir", "", "dir:/"),
            "Error: invalid value for option '--cache-dir': an empty path names no file (an unset"
                + " shell variable?): give a path. See 'ingot scan --help'."),
        Arguments.of(
            List.of("scan", "-o", "", "dir:/"),
            "Error: invalid value for option '--output': an empty path names no file (an unset"
                + " shell variable?): give a path. See 'ingot scan --help'."),
        Arguments.of(
            List.of("convert", "-O", "qcow2", "in.raw", ""),
            "Error: invalid value for positional parameter at index 1 (OUT): an empty path names"
                + " no file (an unset shell variable?): give a path. See 'ingot convert --help'."),
        // validate, inspect and build say the same about the arguments they share (validate
        // exited 1 for a -var without "=", build 2, each in its own words).
        Arguments.of(
            List.of("validate", "-var", "name", "x.pkr.hcl"),
            "Error: The -var option \"name\" has no \"=\": write it as -var 'NAME=VALUE'."),
        Arguments.of(
            List.of("build", "-var", "name", "x.pkr.hcl"),
            "Error: The -var option \"name\" has no \"=\": write it as -var 'NAME=VALUE'."),
        Arguments.of(
            List.of("inspect", "-var", "=v", "x.pkr.hcl"),
            "Error: The -var option \"=v\" has no variable name before \"=\"."),
        Arguments.of(
            List.of("build", "x.pkr.hcl"),
            "Error: there is no template file or directory x.pkr.hcl"),
        Arguments.of(
            List.of("validate", "x.pkr.hcl"),
            "Error: there is no template file or directory x.pkr.hcl"),
        Arguments.of(
            List.of("db", "imprt", "x.json"),
            "Error: unknown command 'imprt'. Did you mean 'import'? See 'ingot db --help'."));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void badCommandLineIsOneLineAndExit2(List<String> args, String expected) {
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), args.toArray(String[]::new));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(expected + System.lineSeparator());
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() {
    CliEnv relative = env(Map.of("XDG_CACHE_HOME", "cache", "HOME", "/home/u"));
    assertThat(relative.cacheDir(null)).isEqualTo(Path.of("/home/u/.cache/ingot"));
    assertThat(relative.cacheDir(Path.of("c"))).isEqualTo(Path.of("/work/c"));
    CliEnv absolute = env(Map.of("XDG_CACHE_HOME", "/var/cache/me", "HOME", "/home/u"));
    assertThat(absolute.cacheDir(null)).isEqualTo(Path.of("/var/cache/me/ingot"));
  }

  private static CliEnv env(Map<String, String> vars) {
    return new CliEnv(
        vars,
        Path.of("/work"),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void versionCommandAndFlagAgree() {
    CliTestSupport.Run cmd = CliTestSupport.run(dir, Map.of(), "version");
    CliTestSupport.Run flag = CliTestSupport.run(dir, Map.of(), "--version");
    assertThat(cmd.exitCode()).isZero();
    assertThat(cmd.out())
        .matches("Ingot \\d+\\.\\d+\\.\\d+ \\(Packer template compatibility .+\\)\\R");
    assertThat(flag.out()).startsWith("Ingot " + Ingot.VERSION);
  }
}
