package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the function tables through Packer 1.6.6's {@code packer console} and through Ingot's HCL
 * parser, evaluator and functions ({@link CaseEval}), and compares what both print. All cases go to
 * Packer in one call, as one tuple of {@code try(expr, "@@ERR@@")}, so a failing case shows as the
 * marker; Ingot must fail the same cases. Cases marked {@code #!} in the tables are the documented
 * differences and are skipped.
 */
@Tag("peer")
class FunctionPeerTest {
  private static final String ERR = "@@ERR@@";

  @TempDir Path dir;

  @Test
  void packerConsoleAgrees() throws Exception {
    FunctionFixture.populate(dir);
    Files.writeString(dir.resolve("t.pkr.hcl"), "variable \"unused\" {\n  default = \"\"\n}\n");
    String cwd = dir.toAbsolutePath().toString();
    List<CaseFile.Case> cases =
        CaseFile.all().stream().filter(CaseFile.Case::comparedWithPacker).toList();
    assertThat(cases).hasSizeGreaterThan(300);

    StringBuilder expr = new StringBuilder("[");
    for (CaseFile.Case c : cases) {
      expr.append("try(")
          .append(c.expr().replace("$CWD", cwd))
          .append(", \"")
          .append(ERR)
          .append("\"), ");
    }
    expr.append("]");
    List<String> packer = elements(packerConsole(expr.toString()));
    assertThat(packer).as("one printed element per case").hasSize(cases.size());

    CaseEval eval = CaseEval.in(FunctionFixture.context(dir));
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CaseFile.Case c = cases.get(i);
      String theirs = packer.get(i);
      CaseEval.Outcome out = eval.eval(c.expr().replace("$CWD", cwd));
      String ours = out.error() != null ? "\"" + ERR + "\"" : element(out.value());
      if (!ours.equals(theirs)) {
        mismatches.add(
            c
                + "\n    packer: "
                + theirs.replace("\n", "\n            ")
                + "\n    ingot:  "
                + ours.replace("\n", "\n            "));
      }
    }
    assertThat(mismatches).as("cases where Ingot and packer console differ").isEmpty();
  }

  /** Our value printed the way packer console prints an element of a tuple. */
  private static String element(Value v) {
    String s = ValuePrinter.console(Value.tuple(List.of(v)));
    return unindent(s.substring("[\n".length(), s.length() - ",\n]".length()));
  }

  private String packerConsole(String input) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("packer", "console", "t.pkr.hcl").directory(dir.toFile());
    pb.environment().put("HOME", FunctionFixture.HOME);
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    pb.redirectErrorStream(false);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("packer (Debian package packer) must be installed for this test", e);
    }
    p.getOutputStream().write((input + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("packer console did not finish");
    }
    String stdout = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || !stdout.startsWith("[")) {
      throw new IOException(
          "packer console failed ("
              + p.exitValue()
              + "):\n"
              + stdout
              + new String(err, StandardCharsets.UTF_8));
    }
    return stdout;
  }

  /** The top-level elements of a printed tuple, each without its indentation and comma. */
  static List<String> elements(String printed) {
    String[] lines = printed.stripTrailing().split("\n", -1);
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 1; i < lines.length - 1; i++) {
      String l = lines[i];
      cur.append(cur.isEmpty() ? "" : "\n").append(l);
      if (!l.startsWith("   ") && l.endsWith(",")) {
        String e = cur.toString();
        out.add(unindent(e.substring(0, e.length() - 1)));
        cur.setLength(0);
      }
    }
    return out;
  }

  private static String unindent(String s) {
    return String.join("\n", s.lines().map(l -> l.startsWith("  ") ? l.substring(2) : l).toList());
  }
}
