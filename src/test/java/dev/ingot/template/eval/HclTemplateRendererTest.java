package dev.ingot.template.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.FunctionException;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HclTemplateRendererTest {
  private final HclTemplateRenderer r =
      new HclTemplateRenderer(Functions.standard(), FunctionContext.of(Path.of(".")));

  @Test
  void rendersWithTheGivenVariables() throws Exception {
    Value v =
        r.render(
            "Hello ${upper(name)}!\n%{ for p in pkgs ~}\n- ${p}\n%{ endfor ~}\n",
            "motd.tpl",
            Map.of(
                "name",
                Value.of("ops"),
                "pkgs",
                Value.tuple(List.of(Value.of("a"), Value.of("b")))));
    assertThat(v).isEqualTo(Value.of("Hello OPS!\n- a\n- b\n"));
    assertThat(r.render("${n}", "x.tpl", Map.of("n", Value.of(3)))).isEqualTo(Value.of(3));
  }

  @Test
  void reportsMissingVariablesWithTheirPlace() {
    assertThatThrownBy(() -> r.render("a\n  ${missing}", "x.tpl", Map.of()))
        .isInstanceOf(FunctionException.class)
        .hasMessageContaining(
            "vars map does not contain key \"missing\", referenced at x.tpl:2,5-12");
  }

  @Test
  void reportsSyntaxAndEvaluationErrors() {
    assertThatThrownBy(() -> r.render("${", "bad.tpl", Map.of()))
        .isInstanceOf(FunctionException.class)
        .hasMessageContaining("bad.tpl:1,");
    assertThatThrownBy(() -> r.render("${x.y}", "e.tpl", Map.of("x", Value.of(1))))
        .hasMessageContaining("Unsupported attribute");
    assertThatThrownBy(() -> r.render("${templatefile(\"a\", {})}", "r.tpl", Map.of()))
        .hasMessageContaining("cannot recursively call templatefile");
  }

  @Test
  void templatefileRendersThroughThisRenderer(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("motd.tpl"), "Welcome to ${host}\n");
    FunctionContext fc = FunctionContext.of(dir);
    fc = fc.withRenderer(new HclTemplateRenderer(Functions.standard(), fc));
    EvalContext ctx = EvalContext.of(Map.of(), Functions.standard(), fc);
    EvalResult res =
        Evaluator.evaluate(
            HclParser.parseExpression(
                    "templatefile(\"motd.tpl\", {host = \"box\"})".getBytes(StandardCharsets.UTF_8),
                    "t.pkr.hcl")
                .expr(),
            ctx);
    assertThat(res.diagnostics().all()).isEmpty();
    assertThat(res.value()).isEqualTo(Value.of("Welcome to box\n"));
    EvalResult missing =
        Evaluator.evaluate(
            HclParser.parseExpression(
                    "templatefile(\"motd.tpl\", {})".getBytes(StandardCharsets.UTF_8), "t.pkr.hcl")
                .expr(),
            ctx);
    assertThat(missing.diagnostics().all().get(0).detail())
        .contains("vars map does not contain key \"host\"");
  }
}
