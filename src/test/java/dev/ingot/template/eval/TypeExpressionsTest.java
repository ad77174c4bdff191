package dev.ingot.template.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeExpressionsTest {
  private static TypeExpressions.Result type(String src) {
    return TypeExpressions.evaluate(
        HclParser.parseExpression(src.getBytes(StandardCharsets.UTF_8), "t").expr());
  }

  @Test
  void readsKeywordsAndConstructors() {
    assertThat(type("string").type()).isEqualTo(Type.STRING);
    assertThat(type("any").type()).isEqualTo(Type.DYNAMIC);
    assertThat(type("list(number)").type()).isEqualTo(Type.list(Type.NUMBER));
    assertThat(type("map(set(bool))").type()).isEqualTo(Type.map(Type.set(Type.BOOL)));
    assertThat(type("object({name = string, \"n\" = number, tags = map(string)})").type())
        .isEqualTo(
            Type.object(
                Map.of("name", Type.STRING, "n", Type.NUMBER, "tags", Type.map(Type.STRING))));
    assertThat(type("tuple([string, number])").type())
        .isEqualTo(Type.tuple(List.of(Type.STRING, Type.NUMBER)));
    assertThat(type("list(any)").diagnostics().all()).isEmpty();
  }

  @Test
  void reportsBadTypeExpressions() {
    assertThat(detail("strin"))
        .isEqualTo("The keyword \"strin\" is not a valid type specification.");
    assertThat(detail("list")).contains("requires one argument");
    assertThat(detail("list(string, number)")).contains("requires one argument");
    assertThat(detail("string()"))
        .isEqualTo("Primitive type keyword \"string\" does not expect arguments.");
    assertThat(detail("optional(string)"))
        .isEqualTo("Keyword \"optional\" is not a valid type constructor.");
    assertThat(detail("object(string)")).startsWith("Object type constructor requires a map");
    assertThat(detail("tuple(string)")).startsWith("Tuple type constructor requires a list");
    assertThat(detail("\"string\"")).startsWith("A type specification is either");
    assertThat(detail("var.x")).startsWith("A type specification is either");
    assertThat(type("list(strin)").type()).isEqualTo(Type.DYNAMIC);
  }

  private static String detail(String src) {
    TypeExpressions.Result r = type(src);
    assertThat(r.diagnostics().all()).as(src).hasSize(1);
    assertThat(r.diagnostics().all().get(0).summary()).isEqualTo("Invalid type specification");
    return r.diagnostics().all().get(0).detail();
  }
}
