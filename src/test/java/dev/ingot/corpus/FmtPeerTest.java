package dev.ingot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.template.hcl.Formatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packer fmt} (1.6.6) and Ingot's formatter give the same bytes on the corpus. */
@Tag("peer")
class FmtPeerTest {
  @TempDir Path tmp;

  @Test
  void packerFmtFormatsTheCorpusAsWeDo() throws Exception {
    // Every parsable corpus file under a unique name in one directory: one packer run.
    Map<Path, String> ours = new LinkedHashMap<>();
    int unformatted = 0;
    int i = 0;
    for (Path f : Corpus.formattableFiles()) {
      byte[] src = Files.readAllBytes(f);
      Formatter.Result r = Formatter.format(src, f.getFileName().toString());
      if (r.text().isPresent()) {
        Path copy = tmp.resolve(i++ + "-" + f.getFileName());
        Files.write(copy, src);
        ours.put(copy, r.text().get());
        unformatted += r.text().get().equals(new String(src, StandardCharsets.UTF_8)) ? 0 : 1;
      }
    }
    var r =
        new LocalProcessRunner()
            .run(
                List.of("packer", "fmt", "."),
                tmp,
                Map.of("CHECKPOINT_DISABLE", "1", "HOME", tmp.toString()),
                null,
                Duration.ofMinutes(2),
                new Cancellation());
    assertThat(r.exitCode()).as("packer fmt: %s", r.output()).isZero();
    assertThat(ours).hasSizeGreaterThan(120);
    assertThat(unformatted)
        .as("some files need formatting, so both tools change them")
        .isPositive();
    List<String> differ = new ArrayList<>();
    ours.forEach(
        (copy, text) -> {
          try {
            if (!Files.readString(copy, StandardCharsets.UTF_8).equals(text)) {
              differ.add(copy.getFileName().toString());
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(differ).as("files formatted differently from packer fmt").isEmpty();
  }
}
