package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  @TempDir Path dir;

  static final String UGLY = "a   =  1\nbb = 2\n";
  static final String PRETTY = "a  = 1\nbb = 2\n";

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("x.pkr.hcl"), UGLY);
    Files.writeString(dir.resolve("ok.pkr.hcl"), "a = 1\n");
    Files.writeString(dir.resolve("v.pkrvars.hcl"), "c   =  1\n");
    Files.writeString(dir.resolve("notes.txt"), "a   =  1\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/y.pkr.hcl"), "d   =  1\n");
  }

  private CliTestSupport.Run fmt(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "fmt";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(dir, Map.of(), all);
  }

  @Test
  void checkListsFilesAndExits3WithoutWriting() throws Exception {
    CliTestSupport.Run r = fmt("-check");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("v.pkrvars.hcl\nx.pkr.hcl\n");
    assertThat(Files.readString(dir.resolve("x.pkr.hcl"))).isEqualTo(UGLY);
  }

  @Test
  void writesFormattedFilesAtomicallyKeepingPermissions() throws Exception {
    Files.setPosixFilePermissions(
        dir.resolve("x.pkr.hcl"), PosixFilePermissions.fromString("rw-r-----"));
    CliTestSupport.Run r = fmt();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("v.pkrvars.hcl\nx.pkr.hcl\n");
    assertThat(Files.readString(dir.resolve("x.pkr.hcl"))).isEqualTo(PRETTY);
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("x.pkr.hcl"))))
        .isEqualTo("rw-r-----");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("a   =  1\n");
    assertThat(Files.readString(dir.resolve("sub/y.pkr.hcl"))).isEqualTo("d   =  1\n");
    try (var s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
    assertThat(fmt("-check").exitCode()).as("formatting twice changes nothing").isZero();
  }

  @Test
  void aLinkedTemplateIsFormattedThroughTheLinkWhichStays() throws Exception {
    Path real = Files.createDirectories(dir.resolve("shared")).resolve("x.pkr.hcl");
    Files.move(dir.resolve("x.pkr.hcl"), real);
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
    Files.createSymbolicLink(dir.resolve("x.pkr.hcl"), Path.of("shared/x.pkr.hcl"));
    CliTestSupport.Run r = fmt("x.pkr.hcl");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(dir.resolve("x.pkr.hcl"))).isTrue();
    assertThat(Files.readString(real)).isEqualTo(PRETTY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-rw-r--");
  }

  @Test
  void diffShowsTheChange() {
    CliTestSupport.Run r = fmt("-check", "-diff", "x.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .isEqualTo(
            "x.pkr.hcl\n--- old/x.pkr.hcl\n+++ new/x.pkr.hcl\n@@ -1,2 +1,2 @@\n-a   =  1\n+a  = 1\n bb = 2\n");
  }

  @Test
  void recursiveIncludesSubdirectories() throws Exception {
    CliTestSupport.Run r = fmt("-recursive", "-write=false");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("sub/y.pkr.hcl\nv.pkrvars.hcl\nx.pkr.hcl\n");
    assertThat(Files.readString(dir.resolve("sub/y.pkr.hcl"))).isEqualTo("d   =  1\n");
    assertThat(fmt("-recursive", "sub").out()).isEqualTo("sub/y.pkr.hcl\n");
  }

  @Test
  void unparsableFileIsAnErrorAndLeftAlone() throws Exception {
    Files.writeString(dir.resolve("bad.pkr.hcl"), "a = (\n");
    CliTestSupport.Run r = fmt();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Error: ").contains("bad.pkr.hcl");
    assertThat(Files.readString(dir.resolve("bad.pkr.hcl"))).isEqualTo("a = (\n");
    assertThat(Files.readString(dir.resolve("x.pkr.hcl")))
        .as("others still formatted")
        .isEqualTo(PRETTY);
  }

  @Test
  void missingPathIsAUsageError() {
    CliTestSupport.Run r = fmt("nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope");
  }
}
