package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/dev/ingot/scan/golden. Regenerate with {@code mvn test
 * -Dingot.golden.update=true} and review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/dev/ingot/scan/golden");

  private Golden() {}

  public static void check(String name, String actual) {
    Path f = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("ingot.golden.update") || !Files.exists(f)) {
        Files.createDirectories(DIR);
        Files.writeString(f, actual);
        if (!Boolean.getBoolean("ingot.golden.update")) {
          throw new AssertionError("golden file " + f + " was missing and has been written; rerun");
        }
        return;
      }
      assertThat(actual).as("golden " + name).isEqualTo(Files.readString(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
