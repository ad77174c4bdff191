package dev.ingot.template.eval;

import static dev.ingot.template.eval.EvalTesting.error;
import static dev.ingot.template.eval.EvalTesting.eval;
import static dev.ingot.template.eval.EvalTesting.ok;
import static dev.ingot.template.eval.EvalTesting.subjectText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  @Test
  void arithmeticIsDecimalWithCtyLikePrecision() {
    assertThat(ok("1 + 2 * 3 - 4 / 8")).isEqualTo(Value.number(new java.math.BigDecimal("6.5")));
    assertThat(ok("2 / 3 * 3")).isEqualTo(Value.of(2));
    assertThat(ok("\"${1/3}x\"").asString()).startsWith("0.3333333333").hasSize(158);
    assertThat(ok("-7 % 3")).isEqualTo(Value.of(-1));
    assertThat(ok("-7.5 % 2")).isEqualTo(Value.number(new java.math.BigDecimal("-1.5")));
    assertThat(ok("2 < \"3\"")).isEqualTo(Value.TRUE);
    assertThat(ok("-(1 + 1)")).isEqualTo(Value.of(-2));
  }

  @Test
  void hugeNumbersGiveExactResultsOrADiagnosticNeverAnException() {
    // cty's modulo truncates a 512-bit quotient, so these are far from the exact 1000 and 0;
    // the 9845 and 9846 digits are Packer 1.6.6's output, checked whole.
    assertThat(ok("1e9999 % 9999999").toString())
        .startsWith("-40929404655266556561675724152384600424075")
        .endsWith("9112341504")
        .hasSize(9846);
    assertThat(ok("1e10000 % 1e-10000").toString())
        .startsWith("-42071293072856612429303453348670406164382")
        .endsWith("35136557056")
        .hasSize(9847);
    // Literals and results stop at exponent 10000: 1e110000 % 7 is refused, not computed.
    String huge = String.join(" * ", java.util.Collections.nCopies(11, "1e10000"));
    Diagnostic d = error(huge + " % 7");
    assertThat(d.summary()).isEqualTo("Operation failed");
    assertThat(d.detail()).contains("too large or too small");
  }

  @Test
  void operandErrorsPointAtTheOperand() {
    String src = "\"abc\" + 1";
    Diagnostic d = error(src);
    assertThat(d.summary()).isEqualTo("Invalid operand");
    assertThat(d.detail()).isEqualTo("Unsuitable value for left operand: a number is required.");
    assertThat(subjectText(src, d)).isEqualTo("\"abc\"");
    assertThat(error("1 + true").detail())
        .isEqualTo("Unsuitable value for right operand: number required.");
    assertThat(error("!1").detail())
        .isEqualTo("Unsuitable value for unary operand: bool required.");
    assertThat(error("1 / 0").summary()).isEqualTo("Operation failed");
    assertThat(error("true && null").detail())
        .isEqualTo("Error during operation: argument must not be null.");
  }

  @Test
  void logicOperatorsEvaluateBothSidesAsHclDoes() {
    EvalResult r = eval("false && var.nope");
    assertThat(r.diagnostics().all())
        .extracting(Diagnostic::summary)
        .containsExactly("Unsupported attribute");
    assertThat(r.value().isKnown()).isFalse();
  }

  @Test
  void equalityFollowsCty() {
    assertThat(ok("null == null")).isEqualTo(Value.TRUE);
    assertThat(ok("var.nothing == null")).isEqualTo(Value.TRUE);
    assertThat(ok("1 == \"1\"")).isEqualTo(Value.FALSE);
    assertThat(ok("[1, 2] == [1, 2]")).isEqualTo(Value.TRUE);
    assertThat(ok("1.50 != 1.5")).isEqualTo(Value.FALSE);
    assertThat(ok("var.unknown == 1")).isEqualTo(Value.unknown(Type.BOOL));
  }

  @Test
  void unknownVariablesAndAttributesSuggestNames() {
    String src = "var.nam";
    Diagnostic d = error(src);
    assertThat(d.summary()).isEqualTo("Unsupported attribute");
    assertThat(d.detail())
        .isEqualTo("This object does not have an attribute named \"nam\". Did you mean \"name\"?");
    assertThat(subjectText(src, d)).isEqualTo(".nam");
    Diagnostic u = error("vra.name");
    assertThat(u.summary()).isEqualTo("Unknown variable");
    assertThat(u.detail()).isEqualTo("There is no variable named \"vra\". Did you mean \"var\"?");
    assertThat(error("var.map.q").summary()).isEqualTo("Missing map element");
    assertThat(error("var.name.x").detail()).isEqualTo("This value does not have any attributes.");
    assertThat(error("var.nothing.x").summary())
        .isEqualTo("Attempt to get attribute from null value");
  }

  @Test
  void indexingAndItsErrors() {
    assertThat(ok("var.list[1]")).isEqualTo(Value.of(2));
    assertThat(ok("var.map[\"k\"]")).isEqualTo(Value.of("v"));
    assertThat(ok("var.strings[\"1\"]")).isEqualTo(Value.of("b"));
    assertThat(ok("var.list.0")).isEqualTo(Value.of(1));
    String src = "[1][5]";
    Diagnostic d = error(src);
    assertThat(d.summary()).isEqualTo("Invalid index");
    assertThat(subjectText(src, d)).isEqualTo("[5]");
    assertThat(error("var.list[1.5]").detail()).contains("has a fractional part");
    assertThat(error("var.set[0]").detail()).startsWith("Elements of a set");
    assertThat(error("var.list[null]").detail())
        .isEqualTo("Can't use a null value as an indexing key.");
    assertThat(error("var.list[\"x\"]").detail())
        .isEqualTo(
            "The given key does not identify an element in this collection value: a number is required.");
    assertThat(ok("var.list[var.unknown]").isKnown()).isFalse();
  }

  @Test
  void functionCallsPlaceErrorsOnTheArgument() {
    assertThat(ok("upper(var.name)")).isEqualTo(Value.of("IMG"));
    assertThat(ok("upper([\"x\"]...)")).isEqualTo(Value.of("X"));
    Diagnostic u = error("uper(\"x\")");
    assertThat(u.summary()).isEqualTo("Call to unknown function");
    assertThat(u.detail())
        .isEqualTo("There is no function named \"uper\". Did you mean \"upper\"?");
    String src = "upper(var.nothing)";
    Diagnostic n = error(src);
    assertThat(n.summary()).isEqualTo("Invalid function argument");
    assertThat(subjectText(src, n)).isEqualTo("var.nothing");
    String many = "upper(\"a\", \"b\")";
    assertThat(subjectText(many, error(many))).isEqualTo("\"b\"");
    assertThat(error("upper(1...)").summary()).isEqualTo("Invalid expanding argument value");
    assertThat(ok("upper(var.unknown)").isKnown()).isFalse();
  }

  @Test
  void canAndTryAreSpecialForms() {
    assertThat(ok("can(var.nope)")).isEqualTo(Value.FALSE);
    assertThat(ok("can(var.name)")).isEqualTo(Value.TRUE);
    assertThat(ok("can(var.unknown)")).isEqualTo(Value.unknown(Type.BOOL));
    assertThat(ok("try(var.nope, var.map.q, \"fallback\")")).isEqualTo(Value.of("fallback"));
    assertThat(ok("try(var.unknown, 1)").isKnown()).isFalse();
    Diagnostic d = error("try(var.nope, nope)");
    assertThat(d.summary()).isEqualTo("Error in function call");
    assertThat(d.detail())
        .contains("no expression succeeded")
        .contains("- Unsupported attribute")
        .contains("- Unknown variable")
        .endsWith("At least one expression must produce a successful result.");
    assertThat(error("can()").summary()).isEqualTo("Not enough function arguments");
  }

  @Test
  void splatsWrapScalarsAndTurnNullIntoAnEmptyTuple() {
    assertThat(ok("local.objs[*].id"))
        .isEqualTo(Value.tuple(List.of(Value.of("a"), Value.of("b"))));
    assertThat(ok("local.objs.*.n")).isEqualTo(Value.tuple(List.of(Value.of(1), Value.of(2))));
    assertThat(ok("local.one[*].id")).isEqualTo(Value.tuple(List.of(Value.of("solo"))));
    assertThat(ok("var.nothing[*]")).isEqualTo(Value.EMPTY_TUPLE);
    assertThat(ok("var.strings[*]")).isEqualTo(Value.list(List.of(Value.of("a"), Value.of("b"))));
    assertThat(error("var.nolist[*]").summary()).isEqualTo("Splat of null value");
    assertThat(ok("local.dyn[*].id").isKnown()).isFalse();
    assertThat(ok("[[1, 2], [3]][*][0]")).isEqualTo(Value.tuple(List.of(Value.of(1), Value.of(3))));
  }

  @Test
  void forExpressions() {
    assertThat(ok("[for i, v in var.list : v * i if v > 1]"))
        .isEqualTo(Value.tuple(List.of(Value.of(2), Value.of(6))));
    assertThat(ok("{for k, v in var.map : v => k}"))
        .isEqualTo(Value.object(Map.of("v", Value.of("k"), "w", Value.of("z"))));
    assertThat(ok("{for o in local.objs : o.n > 1 ? \"big\" : \"small\" => o.id...}"))
        .isEqualTo(
            Value.object(
                Map.of(
                    "big", Value.tuple(List.of(Value.of("b"))),
                    "small", Value.tuple(List.of(Value.of("a"))))));
    assertThat(error("{for v in [1, 1] : v => v}").summary()).isEqualTo("Duplicate object key");
    assertThat(error("[for c in \"abc\" : c]").summary())
        .isEqualTo("Iteration over non-iterable value");
    assertThat(error("[for c in var.nothing : c]").summary())
        .isEqualTo("Iteration over null value");
    assertThat(ok("[for v in local.dyn : v]").isKnown()).isFalse();
    assertThat(ok("[for v in var.list : v]")).isEqualTo(ok("var.list"));
  }

  @Test
  void conditionalsUnifyAndReportOnlyTheChosenBranch() {
    assertThat(ok("false ? \"a\" : 1")).isEqualTo(Value.of("1"));
    assertThat(ok("length_ok = true ? var.name : var.nope".substring(12)))
        .isEqualTo(Value.of("img"));
    assertThat(error("true ? \"a\" : [1]").summary())
        .isEqualTo("Inconsistent conditional result types");
    assertThat(error("null ? 1 : 2").summary()).isEqualTo("Null condition");
    assertThat(error("\"x\" ? 1 : 2").summary()).isEqualTo("Incorrect condition type");
    assertThat(ok("var.unknown > 1 ? \"a\" : \"b\"")).isEqualTo(Value.unknown(Type.STRING));
    assertThat(ok("true ? null : \"x\"")).isEqualTo(Value.nullOf(Type.STRING));
  }

  @Test
  void templatesAndDirectives() {
    assertThat(ok("\"${var.list[0]}\"")).isEqualTo(Value.of(1)); // a lone interpolation unwraps
    assertThat(ok("\"n=${var.list[0]}\"")).isEqualTo(Value.of("n=1"));
    assertThat(ok("\"%{ for v in var.strings ~}\n  ${v},\n%{~ endfor }\"".replace("\n", "\\n")))
        .isEqualTo(Value.of("a,b,"));
    assertThat(ok("\"a %{~ if true ~} b %{~ else ~} c %{~ endif ~} d\""))
        .isEqualTo(Value.of("abd"));
    assertThat(ok("\"%{if false}x%{endif}\"")).isEqualTo(Value.of(""));
    assertThat(error("\"x${var.nothing}\"").summary())
        .isEqualTo("Invalid template interpolation value");
    assertThat(error("\"x${var.list}\"").detail()).startsWith("Cannot include the given value");
    assertThat(ok("\"x${var.unknown}\"")).isEqualTo(Value.unknown(Type.STRING));
    assertThat(error("\"%{if 1}x%{endif}\"").summary()).isEqualTo("Incorrect condition type");
  }

  @Test
  void sensitiveValuesStaySensitive() {
    assertThat(ok("upper(var.secret)").isSensitive()).isTrue();
    assertThat(ok("\"pw=${var.secret}\"").isSensitive()).isTrue();
    assertThat(ok("var.secret == \"x\"").isSensitive()).isTrue();
    assertThat(ok("[var.secret][0]").isSensitive()).isTrue();
    assertThat(ok("{a = var.secret}.a").isSensitive()).isTrue();
    assertThat(ok("[for s in [var.secret] : s]").containsSensitive()).isTrue();
    assertThat(ok("var.secret != \"\" ? \"yes\" : \"no\"").isSensitive()).isTrue();
    assertThat(ok("{(var.secret) = 1}").isSensitive()).isTrue();
    assertThat(ok("\"%{if var.secret == \"\"}a%{endif}\"").isSensitive()).isTrue();
    assertThat(ok("var.name").isSensitive()).isFalse();
  }

  @Test
  void unknownValuesPropagate() {
    assertThat(ok("var.unknown + 1")).isEqualTo(Value.unknown(Type.NUMBER));
    assertThat(ok("var.uobj.id")).isEqualTo(Value.unknown(Type.STRING));
    assertThat(ok("local.dyn.anything[0]").isKnown()).isFalse();
    assertThat(ok("{(var.unknown) = 1}").isKnown()).isFalse();
    assertThat(error("var.uobj.nope").summary()).isEqualTo("Unsupported attribute");
  }

  @Test
  void constantContextsRefuseVariablesAndCalls() {
    EvalResult r = eval("var.x + upper(\"a\")", EvalContext.constant());
    assertThat(r.diagnostics().all())
        .extracting(Diagnostic::summary)
        .containsExactly("Variables not allowed", "Function calls not allowed");
  }

  @Test
  void objectKeysAndTuples() {
    assertThat(ok("{a = 1, \"b c\" = 2, (var.name) = 3}"))
        .isEqualTo(Value.object(Map.of("a", Value.of(1), "b c", Value.of(2), "img", Value.of(3))));
    assertThat(error("{(null) = 1}").summary()).isEqualTo("Null value as key");
    assertThat(error("{(var.list) = 1}").summary()).isEqualTo("Incorrect key type");
    assertThat(ok("[1, \"a\", true]"))
        .isEqualTo(Value.tuple(List.of(Value.of(1), Value.of("a"), Value.TRUE)));
  }

  @Test
  void argumentsConvertToTheirSchemaType() {
    var p = dev.ingot.template.hcl.HclParser.parseExpression("[1]".getBytes(), "t").expr();
    EvalResult r = Evaluator.evaluateAs(p, EvalTesting.ctx(), Type.STRING, "communicator");
    assertThat(r.diagnostics().all())
        .extracting(Diagnostic::detail)
        .containsExactly("Inappropriate value for attribute \"communicator\": string required.");
    assertThat(r.value()).isEqualTo(Value.unknown(Type.STRING));
    var n = dev.ingot.template.hcl.HclParser.parseExpression("\"42\"".getBytes(), "t").expr();
    assertThat(Evaluator.evaluateAs(n, EvalTesting.ctx(), Type.NUMBER, "size").value())
        .isEqualTo(Value.of(42));
  }
}
