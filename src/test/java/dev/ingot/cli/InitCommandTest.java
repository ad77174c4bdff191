package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheExampleWithTheName() throws Exception {
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "init", "web-base");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote web-base.pkr.hcl");
    String text = Files.readString(dir.resolve("web-base.pkr.hcl"));
    assertThat(text)
        .contains("source \"null\" \"web-base\"")
        .contains("sources = [\"source.null.web-base\"]")
        .doesNotContain("NAME");
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
    assertThat(Files.getPosixFilePermissions(dir.resolve("web-base.pkr.hcl")))
        .as("a new file's mode under the umask, not the private temporary's")
        .isEqualTo(dev.ingot.plugin.OutputModesTest.newFile());
    CliTestSupport.Run v = CliTestSupport.run(dir, Map.of(), "validate", "web-base.pkr.hcl");
    assertThat(v.exitCode()).as("the starter template is valid: " + v.err()).isZero();
    CliTestSupport.Run f = CliTestSupport.run(dir, Map.of(), "fmt", "-check", "web-base.pkr.hcl");
    assertThat(f.exitCode()).as("and formatted").isZero();
  }

  @Test
  void acceptsTheFileNameToo() {
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "init", "base.pkr.hcl");
    assertThat(r.exitCode()).isZero();
    assertThat(dir.resolve("base.pkr.hcl")).exists();
  }

  @Test
  void refusesToOverwrite() throws Exception {
    Files.writeString(dir.resolve("mine.pkr.hcl"), "# my own work\n");
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "init", "mine");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("already exists");
    assertThat(Files.readString(dir.resolve("mine.pkr.hcl"))).isEqualTo("# my own work\n");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void rejectsNamesThatCannotBeReferenced() {
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "init", "my image");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("must start with a letter");
    CliTestSupport.Run unknown =
        CliTestSupport.run(dir, Map.of(), "init", "--example", "nope", "x");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(dir).isEmptyDirectory();
  }
}
