package dev.ingot.template.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.FunctionException;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertThatThrownBy(() -> r.render("x", "v.tpl", Map.of("1bad", Value.of(1))))
        .hasMessageContaining("invalid template variable name");
  }
}
