package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished outputs get a new file's mode under the umask, or keep the mode of what they replace.
 */
public class OutputModesTest {
  @TempDir Path dir;

  /** The mode a file made by open(2) gets in this process: what the shell's umask says. */
  public static Set<PosixFilePermission> newFile() throws Exception {
    return OutputModes.of(0666 & ~shellUmask());
  }

  /** The mode mkdir(2) gives a directory in this process. */
  public static Set<PosixFilePermission> newDirectory() throws Exception {
    return OutputModes.of(0777 & ~shellUmask());
  }

  private static int shellUmask() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return Integer.parseInt(out, 8);
  }

  @Test
  void theUmaskIsTheOneTheShellReports() throws Exception {
    assertThat(OutputModes.of(0666 & ~OutputModes.umask())).isEqualTo(newFile());
  }

  @Test
  void modesConvertBitByBit() {
    assertThat(PosixFilePermissions.toString(OutputModes.of(0644))).isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(OutputModes.of(0751))).isEqualTo("rwxr-x--x");
    assertThat(OutputModes.of(0)).isEmpty();
  }

  @Test
  void aNewFileAndANewDirectoryGetTheUmasksModes() throws Exception {
    Path f = dir.resolve("image.qcow2");
    try (AtomicOutput o = AtomicOutput.file(f)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(o.path())))
          .as("private while written")
          .isEqualTo("rw-------");
      Files.writeString(o.path(), "x");
      o.commit(true);
    }
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(newFile());
    Path d = dir.resolve("layout");
    try (AtomicOutput o = AtomicOutput.directory(d)) {
      o.commit(true);
    }
    assertThat(Files.getPosixFilePermissions(d)).isEqualTo(newDirectory());
  }

  @Test
  void aReplacedFileKeepsItsMode() throws Exception {
    Path f = dir.resolve("ingot.lock");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    try (AtomicOutput o = AtomicOutput.file(f)) {
      Files.writeString(o.path(), "new");
      o.commit(true);
    }
    assertThat(f).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r-----");
  }
}
