package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCommandTest {
  @Test
  void printsVersion() {
    CliTestSupport.Run r = CliTestSupport.run(Path.of("."), Map.of(), "version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Ingot 0.1.0");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliTestSupport.Run r = CliTestSupport.run(Path.of("."), Map.of(), "frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("frobnicate");
  }
}
