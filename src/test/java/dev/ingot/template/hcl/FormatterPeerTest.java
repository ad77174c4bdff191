package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our formatter and {@code packer fmt} (1.6.6, Debian) give byte-identical output. */
@Tag("peer")
class FormatterPeerTest {
  @Test
  void matchesPackerFmt(@TempDir Path dir) throws Exception {
    List<Path> inputs = FormatterTest.inputs();
    for (Path in : inputs) {
      Files.copy(in, dir.resolve(in.getFileName()));
    }
    ProcessRunner.Result r =
        new LocalProcessRunner()
            .run(
                List.of("packer", "fmt", "."),
                dir,
                Map.of(),
                null,
                null,
                new dev.ingot.plugin.Cancellation());
    assertThat(r.exitCode()).as("packer fmt failed: %s", r.output()).isZero();
    List<String> mismatches = new ArrayList<>();
    for (Path in : inputs) {
      String ours =
          Formatter.format(Files.readAllBytes(in), in.getFileName().toString())
              .text()
              .orElseThrow();
      String packers = Files.readString(dir.resolve(in.getFileName()), StandardCharsets.UTF_8);
      if (!ours.equals(packers)) {
        mismatches.add(in.getFileName() + ":\n--- packer\n" + packers + "\n--- ingot\n" + ours);
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
