package dev.ingot.template.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.value.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableInputsTest {
  private static Assignment<String> a(VarSource s, String v) {
    return new Assignment<>(s, "x", v, null);
  }

  @Test
  void laterSourcesWinWhateverTheReadingOrder() {
    List<Assignment<String>> all =
        List.of(
            a(VarSource.CLI, "cli"),
            a(VarSource.DEFAULT, "default"),
            a(VarSource.VAR_FILE, "file"),
            a(VarSource.ENV, "env"),
            a(VarSource.AUTO_FILE, "auto"));
    assertThat(Assignment.winner(all).orElseThrow().value()).isEqualTo("cli");
    assertThat(Assignment.winner(all.subList(1, 5)).orElseThrow().value()).isEqualTo("file");
    assertThat(Assignment.winner(List.of(all.get(1), all.get(3))).orElseThrow().value())
        .isEqualTo("env");
    assertThat(Assignment.inPrecedenceOrder(all).stream().map(Assignment::value))
        .containsExactly("default", "env", "auto", "file", "cli");
    assertThat(Assignment.<String>winner(List.of())).isEmpty();
  }

  @Test
  void withinOneSourceTheLastReadWins() {
    List<Assignment<String>> all =
        List.of(
            a(VarSource.VAR_FILE, "first.pkrvars.hcl"),
            a(VarSource.CLI, "cpus=4"),
            a(VarSource.VAR_FILE, "second.pkrvars.hcl"),
            a(VarSource.CLI, "cpus=8"));
    assertThat(Assignment.winner(all).orElseThrow().value()).isEqualTo("cpus=8");
    assertThat(Assignment.winner(List.of(all.get(0), all.get(2))).orElseThrow().value())
        .isEqualTo("second.pkrvars.hcl");
  }

  @Test
  void splitsVarFlagsAtTheFirstEquals() {
    assertThat(VarFlag.parse("name=web")).isEqualTo(new VarFlag("name", "web"));
    assertThat(VarFlag.parse("tags={ a = \"b\" }")).isEqualTo(new VarFlag("tags", "{ a = \"b\" }"));
    assertThat(VarFlag.parse("empty=")).isEqualTo(new VarFlag("empty", ""));
    assertThat(VarFlag.parse("spaced=a b")).isEqualTo(new VarFlag("spaced", "a b"));
    assertThatThrownBy(() -> VarFlag.parse("region")).hasMessageContaining("has no \"=\"");
    assertThatThrownBy(() -> VarFlag.parse("=x")).hasMessageContaining("no variable name");
  }

  @Test
  void complexTypesAreReadAsExpressions() {
    assertThat(VarFlag.readsAsExpression(Type.STRING)).isFalse();
    assertThat(VarFlag.readsAsExpression(Type.NUMBER)).isFalse();
    assertThat(VarFlag.readsAsExpression(Type.BOOL)).isFalse();
    assertThat(VarFlag.readsAsExpression(Type.DYNAMIC)).isFalse();
    assertThat(VarFlag.readsAsExpression(Type.list(Type.STRING))).isTrue();
    assertThat(VarFlag.readsAsExpression(Type.map(Type.NUMBER))).isTrue();
    assertThat(VarFlag.readsAsExpression(Type.object(Map.of("a", Type.STRING)))).isTrue();
  }

  @Test
  void ingotPrefixWinsOverPackerPrefix() {
    var values =
        EnvVars.values(
            Map.of(
                "PKR_VAR_region", "eu",
                "INGOT_VAR_region", "us",
                "PKR_VAR_zone", "b",
                "PKR_VAR_", "ignored",
                "HOME", "/root"));
    assertThat(values.keySet()).containsExactly("region", "zone");
    assertThat(values.get("region").value()).isEqualTo("us");
    assertThat(values.get("region").key()).isEqualTo("INGOT_VAR_region");
    assertThat(values.get("zone").value()).isEqualTo("b");
  }
}
