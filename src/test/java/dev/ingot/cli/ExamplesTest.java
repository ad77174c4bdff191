package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template in {@code examples/} passes {@code ingot validate} (in-process, no network). A
 * variable the example leaves for the user to set (no default) gets a placeholder value, as its
 * header comment tells the user to give one.
 */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
  static final Pattern UNSET = Pattern.compile("Unset variable \"([A-Za-z0-9_-]+)\"");

  static Stream<String> examples() throws Exception {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      List<String> names =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".pkr.hcl"))
              .sorted()
              .toList();
      assertThat(names).contains("debian-base.pkr.hcl");
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void validates(String example) throws Exception {
    Path root = EXAMPLES.getParent();
    String file = "examples/" + example;
    CliTestSupport.Run first = CliTestSupport.run(root, Map.of(), "validate", "--json", file);
    List<String> args = new ArrayList<>(List.of("validate"));
    JsonNode result = new ObjectMapper().readTree(first.out());
    for (JsonNode d : result.get("diagnostics")) {
      Matcher m = UNSET.matcher(d.get("summary").asText());
      if (m.matches()) {
        args.add("-var");
        // A value of the kind the variable takes: validate checks SSH keys' form too.
        String placeholder =
            m.group(1).contains("ssh")
                ? "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlaceholderKeyForValidateOnly00000 x"
                : "placeholder-for-" + m.group(1);
        args.add(m.group(1) + "=" + placeholder);
      }
    }
    args.add(file);
    CliTestSupport.Run r = CliTestSupport.run(root, Map.of(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("The configuration is valid.");
    assertThat(r.err()).as("no warnings").isEmpty();
  }

  /** Examples are what users copy, so they are in the canonical layout ({@code ingot fmt}). */
  @ParameterizedTest
  @MethodSource("examples")
  void isFormatted(String example) {
    CliTestSupport.Run r =
        CliTestSupport.run(EXAMPLES.getParent(), Map.of(), "fmt", "-check", "examples/" + example);
    assertThat(r.exitCode()).as("ingot fmt -check: " + r.out() + r.err()).isZero();
  }

  /** {@code ingot init NAME} gives a starter that validates and builds as it is. */
  @Test
  void theInitStarterValidatesAndBuilds(@TempDir Path dir) {
    assertThat(CliTestSupport.run(dir, Map.of(), "init", "hello").exitCode()).isZero();
    CliTestSupport.Run v = CliTestSupport.run(dir, Map.of(), "validate", "hello.pkr.hcl");
    assertThat(v.exitCode()).as(v.err()).isZero();
    CliTestSupport.Run b =
        CliTestSupport.run(dir, Map.of(), "build", "-color=false", "hello.pkr.hcl");
    assertThat(b.exitCode()).as(b.out() + b.err()).isZero();
    assertThat(b.out()).contains("hello.null.hello: Hello from Ingot (hello, null.hello)");
    assertThat(dir.resolve("output/hello/packer-manifest.json")).exists();
  }

  /** README's first command builds this example; it names no suite or mirror of its own. */
  @Test
  void theReadmeExampleFollowsTheHostsAptConfiguration() throws Exception {
    String text = Files.readString(EXAMPLES.resolve("debian-base.pkr.hcl"));
    assertThat(text).doesNotContain("mirror =").doesNotContain("suite =").doesNotContain("http");
    String readme = Files.readString(EXAMPLES.resolveSibling("README.md"));
    assertThat(readme.lines().filter(l -> l.startsWith("./")).limit(2))
        .containsExactly(
            "./ingot build examples/debian-base.pkr.hcl   # a distroless Debian OCI image in output/",
            "./test.sh                                    # every test; installs what it needs");
  }
}
