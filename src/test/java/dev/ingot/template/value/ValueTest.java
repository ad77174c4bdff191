package dev.ingot.template.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTest {
  @Test
  void numbersCompareByValueNotScale() {
    assertThat(Value.number(new BigDecimal("1.50"))).isEqualTo(Value.number(new BigDecimal("1.5")));
    assertThat(Value.number(new BigDecimal("100")).hashCode())
        .isEqualTo(Value.number(new BigDecimal("1E+2")).hashCode());
    assertThat(Value.number(new BigDecimal("0.000"))).isEqualTo(Value.of(0));
    assertThat(Value.of(1)).isNotEqualTo(Value.of(2));
  }

  @Test
  void deepEqualityAndTypes() {
    Value a = Value.object(Map.of("b", Value.tuple(List.of(Value.of("x"), Value.of(1)))));
    Value b = Value.fromJava(Map.of("b", List.of("x", 1)));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.type().typeExpr()).isEqualTo("object({b=tuple([string, number])})");
    assertThat(a.type().friendlyName()).isEqualTo("object");
    assertThat(Type.list(Type.STRING).friendlyName()).isEqualTo("list of string");
    assertThat(Type.map(Type.list(Type.NUMBER)).typeExpr()).isEqualTo("map(list(number))");
    assertThat(Type.list(Type.DYNAMIC).constraintName()).isEqualTo("list of any single type");
    assertThat(Type.DYNAMIC.typeExpr()).isEqualTo("any");
  }

  @Test
  void listsUnifyTheirElements() {
    Value l = Value.list(List.of(Value.of("a"), Value.of(1), Value.of(true)));
    assertThat(l.type()).isEqualTo(Type.list(Type.STRING));
    assertThat(l.elements()).containsExactly(Value.of("a"), Value.of("1"), Value.of("true"));
    assertThatThrownBy(() -> Value.list(List.of(Value.of(1), Value.of(true))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ListValue(Type.STRING, List.of(Value.of(1)), false))
        .hasMessageContaining("cannot hold an element of type number");
  }

  @Test
  void setsAreDeduplicatedAndOrderedLikeCty() {
    Value s = Value.set(List.of(Value.of("b"), Value.of("a"), Value.of("c"), Value.of("a")));
    assertThat(s.elements()).containsExactly(Value.of("a"), Value.of("b"), Value.of("c"));
    Value n = Value.set(List.of(Value.of(10), Value.of(2), Value.of(1), Value.of(2)));
    assertThat(n.elements()).containsExactly(Value.of(1), Value.of(2), Value.of(10));
    Value u = Value.set(List.of(Value.of("\uD83D\uDE00"), Value.of("\uFFFD")));
    assertThat(u.elements().get(0).asString()).isEqualTo("\uFFFD"); // by code point, not UTF-16
  }

  @Test
  void sensitiveMarksAreDeepAndPrintedMasked() {
    Value secret = Value.of("hunter2").markSensitive();
    Value obj = Value.object(Map.of("password", secret, "user", Value.of("bob")));
    assertThat(obj.isSensitive()).isFalse();
    assertThat(obj.containsSensitive()).isTrue();
    assertThat(obj.toString()).doesNotContain("hunter2").contains("(sensitive value)");
    assertThat(obj.unmarkDeep().containsSensitive()).isFalse();
    assertThat(secret.unmark()).isEqualTo(Value.of("hunter2"));
    assertThat(secret).isNotEqualTo(Value.of("hunter2"));
  }

  @Test
  void javaRoundTrip() {
    Map<String, Object> java =
        Map.of("s", "x", "n", new BigDecimal("1.5"), "b", true, "l", List.of("a", "b"));
    Value v = Value.fromJava(java);
    assertThat(v.toJava()).isEqualTo(java);
    assertThat(Value.fromJava(null)).isEqualTo(Value.NULL);
    assertThat(Value.NULL.toJava()).isNull();
    assertThat(Value.fromJava(3).asNumber()).isEqualByComparingTo("3");
    assertThatThrownBy(() -> Value.unknown(Type.STRING).toJava())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Value.fromJava(Double.NaN)).hasMessageContaining("finite");
  }

  @Test
  void accessorsSayWhatIsWrong() {
    assertThatThrownBy(() -> Value.of(1).asString())
        .hasMessage("expected a string value, got number");
    assertThat(Value.of("e\u0301x").length()).isEqualTo(2); // grapheme clusters
    assertThat(Value.unknown(Type.STRING).isKnown()).isFalse();
    assertThat(Value.tuple(List.of(Value.unknown(Type.STRING))).isWhollyKnown()).isFalse();
  }

  @Test
  void printing() {
    Value v =
        Value.object(
            Map.of(
                "a b",
                Value.of("x\n${y}"),
                "n",
                Value.number(new BigDecimal("1E+3")),
                "z",
                Value.NULL));
    assertThat(v.toString()).isEqualTo("{\"a b\" = \"x\\n$${y}\", n = 1000, z = null}");
    assertThat(ValuePrinter.number(new BigDecimal("1E+30"))).isEqualTo("1" + "0".repeat(30));
    assertThat(ValuePrinter.number(new BigDecimal("0.10"))).isEqualTo("0.1");
  }

  @Test
  void consoleFormatMatchesPacker() {
    Value v =
        Value.object(
            Map.of("a", Value.of(1), "b", Value.tuple(List.of(Value.of(1), Value.of("x")))));
    assertThat(ValuePrinter.console(v))
        .isEqualTo("{\n  \"a\" = 1\n  \"b\" = [\n    1,\n    \"x\",\n  ]\n}");
    assertThat(ValuePrinter.console(Value.of("a\nb"))).isEqualTo("a\nb");
    String[][] numbers = {
      {"1000000", "1000000"},
      {"1E+20", "1e+20"},
      {"123456789.125", "1.23456789125e+08"},
      {"0.0001", "0.0001"},
      {"0.00001", "1e-05"},
      {"-2.5e-7", "-2.5e-07"},
      {"12345678901234567890123", "1.2345678901234568e+22"},
      {"2.5", "2.5"},
    };
    for (String[] n : numbers) {
      assertThat(ValuePrinter.console(Value.number(new BigDecimal(n[0])))).as(n[0]).isEqualTo(n[1]);
    }
  }
}
