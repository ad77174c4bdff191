package dev.ingot.template.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared fixtures: a context with typical Packer roots and a one-line evaluate helper. */
final class EvalTesting {
  static final Value SECRET = Value.string("hunter2").markSensitive();

  static final Map<String, Value> VARS =
      Map.of(
          "var",
          Value.object(
              Map.of(
                  "name", Value.string("img"),
                  "list", Value.tuple(List.of(Value.of(1), Value.of(2), Value.of(3))),
                  "strings", Value.list(List.of(Value.of("a"), Value.of("b"))),
                  "map", Value.map(Map.of("k", Value.of("v"), "z", Value.of("w"))),
                  "secret", SECRET,
                  "unknown", Value.unknown(Type.NUMBER),
                  "uobj", Value.unknown(Type.object(Map.of("id", Type.STRING))),
                  "nothing", Value.nullOf(Type.STRING),
                  "nolist", Value.nullOf(Type.list(Type.STRING)),
                  "set", Value.set(List.of(Value.of("x"))))),
          "local",
          Value.object(
              Map.of(
                  "objs",
                  Value.tuple(
                      List.of(
                          Value.object(Map.of("id", Value.of("a"), "n", Value.of(1))),
                          Value.object(Map.of("id", Value.of("b"), "n", Value.of(2))))),
                  "one",
                  Value.object(Map.of("id", Value.of("solo"))),
                  "dyn",
                  Value.unknown(Type.DYNAMIC))));

  private EvalTesting() {}

  static EvalContext ctx() {
    return EvalContext.of(VARS, Functions.standard(), FunctionContext.of(Path.of(".")));
  }

  static EvalResult eval(String src) {
    return eval(src, ctx());
  }

  static EvalResult eval(String src, EvalContext ctx) {
    HclParser.ExprResult p =
        HclParser.parseExpression(src.getBytes(StandardCharsets.UTF_8), "t.pkr.hcl");
    assertThat(p.diagnostics().all()).as("parse " + src).isEmpty();
    return Evaluator.evaluate(p.expr(), ctx);
  }

  /** The value, asserting there were no diagnostics. */
  static Value ok(String src) {
    EvalResult r = eval(src);
    assertThat(r.diagnostics().all()).as(src).isEmpty();
    return r.value();
  }

  /** The single error, asserting there was exactly one. */
  static Diagnostic error(String src) {
    EvalResult r = eval(src);
    assertThat(r.diagnostics().all()).as(src).hasSize(1);
    return r.diagnostics().all().get(0);
  }

  /** The source text a diagnostic's subject covers. */
  static String subjectText(String src, Diagnostic d) {
    byte[] b = src.getBytes(StandardCharsets.UTF_8);
    int s = d.subject().start().byteOffset();
    int e = d.subject().end().byteOffset();
    return new String(b, s, e - s, StandardCharsets.UTF_8);
  }
}
