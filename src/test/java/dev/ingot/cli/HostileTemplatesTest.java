package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates and variable inputs written to break Ingot, as a black-box review wrote them: each gets
 * a diagnostic that says where and what, with no secret printed, no stack trace and bounded output;
 * Packer 1.6.6's behaviour is noted where it differs.
 */
class HostileTemplatesTest {
  @TempDir Path tmp;

  private static final String SECRETS =
      """
      variable "secret" {
        type      = string
        sensitive = true
        default   = "ok"
        validation {
          condition     = length(var.secret) < 5
          error_message = "Too long."
        }
      }
      variable "num" {
        type      = number
        sensitive = true
        default   = 1
      }
      """;

  private CliTestSupport.Run validate(Map<String, String> env, String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(tmp, env, all);
  }

  /**
   * A sensitive variable's value is never shown in a diagnostic's source lines (Packer neither).
   */
  @Test
  void sensitiveValuesAreNotPrintedInDiagnostics() throws Exception {
    Files.writeString(tmp.resolve("t.pkr.hcl"), SECRETS);
    Files.writeString(tmp.resolve("s.pkrvars.hcl"), "secret = \"HUNTER2SECRET\"\n");
    Files.writeString(
        tmp.resolve("s.pkrvars.json"), "{\"secret\": \"HUNTER2SECRET\", \"num\": \"HUNTER3\"}\n");
    CliTestSupport.Run[] runs = {
      validate(Map.of(), "-var", "secret=HUNTER2SECRET", "t.pkr.hcl"),
      validate(Map.of(), "-var", "num=HUNTER2SECRET", "t.pkr.hcl"),
      validate(Map.of("PKR_VAR_num", "HUNTER2SECRET"), "t.pkr.hcl"),
      validate(Map.of(), "-var-file=s.pkrvars.hcl", "t.pkr.hcl"),
      validate(Map.of(), "-var-file=s.pkrvars.json", "t.pkr.hcl"),
    };
    for (CliTestSupport.Run r : runs) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("Invalid value for variable").doesNotContain("HUNTER");
    }
    assertThat(runs[0].err()).contains("(source code not available)");
    assertThat(runs[3].err()).contains("(source code not shown: it holds a sensitive value)");
    // A variable that is not sensitive still shows its line.
    Files.writeString(tmp.resolve("p.pkr.hcl"), SECRETS.replace("sensitive = true\n", ""));
    CliTestSupport.Run plain = validate(Map.of(), "-var", "num=PLAINTEXT", "p.pkr.hcl");
    assertThat(plain.err()).contains("1: PLAINTEXT");
  }

  /** file() of a device: it read /dev/zero until OutOfMemoryError, with the stack trace. */
  @Test
  void fileOfADeviceIsADiagnostic() throws Exception {
    Files.writeString(tmp.resolve("t.pkr.hcl"), "locals {\n  z = file(\"/dev/zero\")\n}\n");
    CliTestSupport.Run r = validate(Map.of(), "t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("t.pkr.hcl line 2")
        .contains("cannot read /dev/zero: it is not a regular file")
        .doesNotContain("OutOfMemoryError");
  }

  /**
   * 3,000 nested if directives on one line: after the depth error the closing directives gave 2,874
   * more errors, each printing the 54 KB line (278 MB of output; 20,000 ran out of memory). Packer
   * accepts the file (its parser has no depth limit); Ingot refuses it in one message.
   */
  @Test
  void aDeepOneLineTemplateGivesOneShortError() throws Exception {
    int n = 3000;
    Files.writeString(
        tmp.resolve("d.pkr.hcl"),
        "locals {\n  x = \"" + "%{if true}".repeat(n) + "x" + "%{endif}".repeat(n) + "\"\n}\n");
    CliTestSupport.Run r = validate(Map.of(), "d.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Too deeply nested").doesNotContain("Unexpected endif");
    assertThat(r.err().length()).isLessThan(2000);
  }

  /** 20,000 bad escapes: 20,000 errors; the first 50 are shown, the rest counted. */
  @Test
  void manyErrorsAreCountedAfterTheFirstFifty() throws Exception {
    Files.writeString(
        tmp.resolve("q.pkr.hcl"), "locals {\n  x = \"" + "\\q".repeat(20000) + "\"\n}\n");
    CliTestSupport.Run r = validate(Map.of(), "q.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().split("Error: Invalid escape sequence", -1)).hasSize(51);
    assertThat(r.err()).contains("… and 19950 more (19950 errors) not shown");
    assertThat(r.err().length()).isLessThan(50 * 600);
  }

  @Test
  void jsonVarFilesAreReadStrictly() throws Exception {
    Files.writeString(
        tmp.resolve("t.pkr.hcl"),
        "variable \"v\" {\n  type = string\n}\nlocals {\n  h = sha256(var.v)\n}\n");
    Files.writeString(tmp.resolve("dup.pkrvars.json"), "{\"v\": \"x\", \"v\": \"y\"}");
    CliTestSupport.Run dup = validate(Map.of(), "-var-file=dup.pkrvars.json", "t.pkr.hcl");
    assertThat(dup.exitCode()).isEqualTo(1); // Packer: "Duplicate attribute definition"
    assertThat(dup.err()).contains("dup.pkrvars.json line 1").contains("Duplicate field 'v'");
    Files.writeString(tmp.resolve("big.pkrvars.json"), "{\"v\": 1e99999999999}");
    CliTestSupport.Run big = validate(Map.of(), "-var-file=big.pkrvars.json", "t.pkr.hcl");
    assertThat(big.exitCode()).isEqualTo(1); // was "Error: Too many nonzero exponent digits."
    assertThat(big.err())
        .contains("big.pkrvars.json line 1")
        .contains("the number 1e99999999999 is out of");
    Files.writeString(tmp.resolve("cut.pkrvars.json"), "{\"v\": \"x\", ");
    CliTestSupport.Run cut = validate(Map.of(), "-var-file=cut.pkrvars.json", "t.pkr.hcl");
    assertThat(cut.exitCode()).isEqualTo(1);
    assertThat(cut.err())
        .contains("cut.pkrvars.json line 1")
        .contains("is it cut short?")
        .doesNotContain("end-of-input");
    // A lone surrogate is U+FFFD, as in cty: its hash is that of "\uFFFD" (Packer's value).
    Files.writeString(tmp.resolve("u.pkrvars.json"), "{\"v\": \"\\ud800\"}");
    CliTestSupport.Run u =
        CliTestSupport.run(tmp, Map.of(), "inspect", "-var-file=u.pkrvars.json", "t.pkr.hcl");
    assertThat(u.out())
        .contains("83d544ccc223c057d2bf80d3f2a32982c32c3c0db8e2674820da5064783fb097");
  }

  /** format with explicit indexes that go back (Packer: "b a" and ["b/a"]). */
  @Test
  void formatTakesExplicitArgumentIndexes() throws Exception {
    Files.writeString(
        tmp.resolve("t.pkr.hcl"),
        "locals {\n  a = format(\"%[2]s %[1]s\", \"a\", \"b\")\n"
            + "  b = formatlist(\"%[2]s/%[1]s\", [\"a\"], [\"b\"])\n"
            + "  c = format(\"%[2]d %d\", 1, 2, 3)\n}\n");
    CliTestSupport.Run r = CliTestSupport.run(tmp, Map.of(), "inspect", "t.pkr.hcl");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("local.a: \"b a\"")
        .contains("local.b: [\"b/a\"]")
        .contains("local.c: \"2 3\"");
    Files.writeString(
        tmp.resolve("t.pkr.hcl"), "locals {\n  a = format(\"%[1]s\", \"a\", \"b\")\n}\n");
    assertThat(validate(Map.of(), "t.pkr.hcl").err()).contains("too many arguments; only 1 used");
  }

  /** A template file that cannot be read is an error (a dangling link was skipped: exit 0). */
  @Test
  void unreadableTemplateFilesAreErrors() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("t"));
    Files.writeString(dir.resolve("ok.pkr.hcl"), "locals {\n  a = 1\n}\n");
    Files.createSymbolicLink(dir.resolve("x.pkr.hcl"), tmp.resolve("nonexistent"));
    CliTestSupport.Run r = validate(Map.of(), "t");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("\"t/x.pkr.hcl\" could not be read: it is a symbolic link");
    Path fifo = tmp.resolve("p.pkr.hcl");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    CliTestSupport.Run f = validate(Map.of(), "p.pkr.hcl");
    assertThat(f.exitCode()).isEqualTo(1);
    assertThat(f.err()).contains("it is not a regular file"); // was "There is no file"
  }
}
