package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.eval.Evaluator;
import dev.ingot.template.eval.TypeExpressions;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated test files (bytes and tokens deleted, inserted, swapped; truncation) to the parser
 * and the template parser for a bounded time. The parser must never throw, and every diagnostic
 * must point inside the file. The seed is printed on failure; rerun with {@code
 * -Dingot.fuzz.seed=N} and {@code -Dingot.fuzz.millis=N} to reproduce or to fuzz longer.
 */
@Tag("slow")
class HclFuzzTest {
  private static final byte[][] SNIPPETS = {
    "{".getBytes(),
    "}".getBytes(),
    "[".getBytes(),
    "]".getBytes(),
    "(".getBytes(),
    ")".getBytes(),
    "\"".getBytes(),
    "${".getBytes(),
    "%{".getBytes(),
    "~}".getBytes(),
    "<<EOF\n".getBytes(),
    "<<-EOF\n".getBytes(),
    "EOF\n".getBytes(),
    "\n".getBytes(),
    "=".getBytes(),
    ",".getBytes(),
    ".".getBytes(),
    "*".getBytes(),
    "...".getBytes(),
    "for ".getBytes(),
    " in ".getBytes(),
    ":".getBytes(),
    "?".getBytes(),
    "=>".getBytes(),
    "#".getBytes(),
    "/*".getBytes(),
    "*/".getBytes(),
    "\\".getBytes(),
    "\u00e9".getBytes(StandardCharsets.UTF_8),
    {(byte) 0xff},
    {(byte) 0xe2, (byte) 0x82},
    "%{if x}".getBytes(),
    "%{endif}".getBytes(),
    "1e5".getBytes(),
    ".0".getBytes(),
    "\r\n".getBytes(),
    "\t".getBytes(),
    {0},
  };

  @Test
  void mutatedFilesNeverBreakTheParser() throws Exception {
    long seed = Long.getLong("ingot.fuzz.seed", System.nanoTime());
    long millis = Long.getLong("ingot.fuzz.millis", 15_000);
    List<byte[]> corpus = new ArrayList<>();
    for (String dir : List.of("valid", "invalid")) {
      for (Path p : Golden.inputs(dir)) {
        corpus.add(Files.readAllBytes(p));
      }
    }
    Random rnd = new Random(seed);
    long deadline = System.currentTimeMillis() + millis;
    int runs = 0;
    while (System.currentTimeMillis() < deadline) {
      byte[] input = mutate(corpus.get(rnd.nextInt(corpus.size())), rnd);
      try {
        check(input);
      } catch (Throwable t) {
        throw new AssertionError(
            "fuzz failure with -Dingot.fuzz.seed="
                + seed
                + " after "
                + runs
                + " runs on input:\n"
                + new String(input, StandardCharsets.UTF_8),
            t);
      }
      runs++;
    }
    System.out.println("HclFuzzTest: " + runs + " mutants, seed " + seed);
    assertThat(runs).isPositive();
  }

  private static void check(byte[] input) {
    HclParser.ParseResult r = HclParser.parse(input, "f.pkr.hcl");
    assertThat(r.body()).isNotNull();
    inside(r.diagnostics().all(), input.length);
    HclParser.ExprResult t = HclParser.parseTemplate(input, "f.tpl");
    inside(t.diagnostics().all(), input.length);
    HclParser.ExprResult e = HclParser.parseExpression(input, "f.expr");
    inside(e.diagnostics().all(), input.length);
    AstDump.of(r.body(), true);
    e.expr().references();
    evaluateAll(r.body());
    Evaluator.evaluate(e.expr(), CTX);
    Evaluator.evaluate(t.expr(), CTX);
    if (!r.diagnostics().hasErrors()) {
      // Valid mutants also check the formatter: same tree, and formatting again changes nothing.
      Formatter.Result formatted = Formatter.format(input, "f.pkr.hcl");
      String once = formatted.text().orElseThrow();
      byte[] onceBytes = once.getBytes(StandardCharsets.UTF_8);
      HclParser.ParseResult again = HclParser.parse(onceBytes, "f.pkr.hcl");
      assertThat(again.diagnostics().all()).as("formatted:\n" + once).isEmpty();
      assertThat(AstDump.of(again.body(), false)).isEqualTo(AstDump.of(r.body(), false));
      assertThat(Formatter.format(onceBytes, "f.pkr.hcl").text()).contains(once);
    }
  }

  private static final EvalContext CTX =
      EvalContext.of(
          Map.of(
              "var",
              Value.object(
                  Map.of(
                      "x", Value.of("x"),
                      "list", Value.tuple(List.of(Value.of(1), Value.of("a"))),
                      "u", Value.unknown(Type.DYNAMIC),
                      "s", Value.of("pw").markSensitive()))),
          Functions.standard(),
          FunctionContext.of(Path.of(".")));

  /** The evaluator must cope with any tree the parser produces, errors included. */
  private static void evaluateAll(Body body) {
    for (BodyItem item : body.items()) {
      switch (item) {
        case Attribute a -> {
          assertThat(Evaluator.evaluate(a.expr(), CTX).value()).isNotNull();
          TypeExpressions.evaluate(a.expr());
        }
        case Block b -> evaluateAll(b.body());
      }
    }
  }

  private static void inside(List<Diagnostic> ds, int length) {
    for (Diagnostic d : ds) {
      Range r = d.subject();
      assertThat(r).as(d.summary()).isNotNull();
      assertThat(r.start().byteOffset()).as(d.summary()).isBetween(0, length);
      assertThat(r.end().byteOffset()).as(d.summary()).isBetween(r.start().byteOffset(), length);
    }
  }

  /** Deletes, duplicates or swaps whole tokens. */
  private static byte[] mutateTokens(byte[] src, Random rnd) {
    List<Token> toks = new ArrayList<>(Lexer.lex(src, "f", Lexer.Mode.NORMAL).tokens());
    toks.remove(toks.size() - 1); // EOF
    List<byte[]> pieces = new ArrayList<>();
    int prev = 0;
    for (Token t : toks) {
      int start = t.range().start().byteOffset();
      int end = t.range().end().byteOffset();
      if (start > prev) {
        pieces.add(java.util.Arrays.copyOfRange(src, prev, start)); // white space
      }
      pieces.add(java.util.Arrays.copyOfRange(src, start, end));
      prev = Math.max(prev, end);
    }
    if (pieces.isEmpty()) {
      return src;
    }
    int edits = 1 + rnd.nextInt(3);
    for (int i = 0; i < edits && !pieces.isEmpty(); i++) {
      int j = rnd.nextInt(pieces.size());
      switch (rnd.nextInt(3)) {
        case 0 -> pieces.remove(j);
        case 1 -> pieces.add(rnd.nextInt(pieces.size() + 1), pieces.get(j));
        default -> {
          int k = rnd.nextInt(pieces.size());
          byte[] t = pieces.get(j);
          pieces.set(j, pieces.get(k));
          pieces.set(k, t);
        }
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    pieces.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] mutate(byte[] src, Random rnd) {
    List<Byte> b = new ArrayList<>(src.length + 16);
    for (byte x : src) {
      b.add(x);
    }
    if (rnd.nextInt(3) == 0) {
      return mutateTokens(src, rnd);
    }
    int edits = 1 + rnd.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = b.isEmpty() ? 0 : rnd.nextInt(b.size() + 1);
      switch (rnd.nextInt(6)) {
        case 0 -> { // delete a run of bytes
          int n = Math.min(b.size() - at, 1 + rnd.nextInt(8));
          for (int k = 0; k < n; k++) {
            b.remove(at);
          }
        }
        case 1 -> { // insert a syntax snippet
          byte[] s = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
          for (int k = s.length - 1; k >= 0; k--) {
            b.add(at, s[k]);
          }
        }
        case 2 -> b.add(at, (byte) rnd.nextInt(256)); // insert a random byte
        case 3 -> { // swap two bytes
          if (b.size() > 1) {
            int j = rnd.nextInt(b.size());
            int k = rnd.nextInt(b.size());
            Byte t = b.get(j);
            b.set(j, b.get(k));
            b.set(k, t);
          }
        }
        case 4 -> { // truncate
          while (b.size() > at) {
            b.remove(b.size() - 1);
          }
        }
        default -> { // duplicate a slice elsewhere
          if (!b.isEmpty()) {
            int from = rnd.nextInt(b.size());
            int n = Math.min(b.size() - from, 1 + rnd.nextInt(12));
            List<Byte> slice = new ArrayList<>(b.subList(from, from + n));
            b.addAll(Math.min(at, b.size()), slice);
          }
        }
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }
}
