package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/hcl/}. Run a test with {@code -Dingot.regen=true} to
 * rewrite the expected files from the current output (then review the diff before committing).
 */
final class Golden {
  static final Path ROOT = Path.of("src/test/resources/hcl");

  private Golden() {}

  static List<Path> inputs(String dir) throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".pkr.hcl")).sorted().toList();
    }
  }

  /** The expected-output file next to {@code input} with {@code suffix} instead of ".pkr.hcl". */
  static Path expected(Path input, String suffix) {
    String name = input.getFileName().toString();
    return input.resolveSibling(name.substring(0, name.length() - ".pkr.hcl".length()) + suffix);
  }

  static void check(Path input, String suffix, String actual) throws IOException {
    Path exp = expected(input, suffix);
    if (Boolean.getBoolean("ingot.regen")) {
      Files.writeString(exp, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(exp).as("golden file (create with -Dingot.regen=true)").exists();
    assertThat(actual)
        .as(input.toString())
        .isEqualTo(Files.readString(exp, StandardCharsets.UTF_8));
  }
}
