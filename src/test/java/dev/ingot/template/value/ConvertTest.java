package dev.ingot.template.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConvertTest {
  private static Value conv(Value v, Type t) throws ConversionException {
    return Convert.to(v, t);
  }

  private static Value t(Object... elems) {
    return Value.fromJava(java.util.Arrays.asList(elems));
  }

  @Test
  void primitives() throws Exception {
    assertThat(conv(Value.of(5), Type.STRING)).isEqualTo(Value.of("5"));
    assertThat(conv(Value.number(new BigDecimal("1.50")), Type.STRING)).isEqualTo(Value.of("1.5"));
    assertThat(conv(Value.of(true), Type.STRING)).isEqualTo(Value.of("true"));
    assertThat(conv(Value.of("1e3"), Type.NUMBER)).isEqualTo(Value.of(1000));
    assertThat(conv(Value.of(".5"), Type.NUMBER).asNumber()).isEqualByComparingTo("0.5");
    assertThat(conv(Value.of("+5"), Type.NUMBER)).isEqualTo(Value.of(5));
    assertThat(conv(Value.of("true"), Type.BOOL)).isEqualTo(Value.TRUE);
    assertThat(conv(Value.of("0"), Type.BOOL)).isEqualTo(Value.FALSE);
  }

  @Test
  void primitiveErrors() {
    assertThatThrownBy(() -> conv(Value.of(" 1"), Type.NUMBER)).hasMessage("a number is required");
    assertThatThrownBy(() -> conv(Value.of("1e99999"), Type.NUMBER))
        .hasMessage("a number is required");
    assertThatThrownBy(() -> conv(Value.of("True"), Type.BOOL))
        .hasMessage("a bool is required; to convert from string, use lowercase \"true\"");
    assertThatThrownBy(() -> conv(Value.of("yes"), Type.BOOL)).hasMessage("a bool is required");
    assertThatThrownBy(() -> conv(Value.of(1), Type.BOOL)).hasMessage("bool required");
    assertThatThrownBy(() -> conv(Value.EMPTY_OBJECT, Type.STRING)).hasMessage("string required");
  }

  @Test
  void collections() throws Exception {
    assertThat(conv(t("b", "a", "b"), Type.set(Type.STRING)))
        .isEqualTo(Value.set(List.of(Value.of("a"), Value.of("b"))));
    Value l = conv(t(1, "a"), Type.list(Type.DYNAMIC));
    assertThat(l.type()).isEqualTo(Type.list(Type.STRING));
    Value m = conv(Value.fromJava(Map.of("a", 1, "b", "x")), Type.map(Type.STRING));
    assertThat(m).isEqualTo(Value.map(Map.of("a", Value.of("1"), "b", Value.of("x"))));
    Value s = conv(Value.set(List.of(Value.of(2), Value.of(1))), Type.list(Type.NUMBER));
    assertThat(s.elements()).containsExactly(Value.of(1), Value.of(2));
    Value o = conv(Value.fromJava(Map.of("a", 1, "c", 2)), Type.object(Map.of("a", Type.STRING)));
    assertThat(o).isEqualTo(Value.object(Map.of("a", Value.of("1"))));
    assertThat(conv(Value.EMPTY_TUPLE, Type.list(Type.STRING)))
        .isEqualTo(Value.emptyList(Type.STRING));
    // From a map, a missing key is a null attribute and extra keys are dropped (packer agrees).
    Value fromMap =
        conv(
            Value.map(Map.of("a", Value.of(1), "b", Value.of(2))),
            Type.object(Map.of("a", Type.NUMBER, "c", Type.STRING)));
    assertThat(fromMap)
        .isEqualTo(Value.object(Map.of("a", Value.of(1), "c", Value.nullOf(Type.STRING))));
    Value mixed = conv(t(Map.of("a", 1), Map.of("b", "x")), Type.list(Type.DYNAMIC));
    assertThat(mixed.type()).isEqualTo(Type.list(Type.map(Type.STRING)));
    assertThat(conv(t("a", 1), Type.tuple(List.of(Type.STRING, Type.STRING))))
        .isEqualTo(t("a", "1"));
    assertThat(conv(t(null, "a"), Type.list(Type.DYNAMIC)).type())
        .isEqualTo(Type.list(Type.STRING));
  }

  @Test
  void collectionErrorsNameThePath() {
    assertThatThrownBy(() -> conv(t(1, Map.of()), Type.list(Type.DYNAMIC)))
        .hasMessage("all list elements must have the same type");
    assertThatThrownBy(
            () -> conv(Value.fromJava(Map.of("a", 1, "b", List.of())), Type.map(Type.DYNAMIC)))
        .hasMessage("all map elements must have the same type");
    assertThatThrownBy(() -> conv(t("a", "x"), Type.list(Type.NUMBER)))
        .isInstanceOf(ConversionException.class)
        .hasMessage("element 0: a number is required")
        .satisfies(e -> assertThat(((ConversionException) e).path()).containsExactly("element 0"));
    assertThatThrownBy(() -> conv(t(1, List.of()), Type.list(Type.STRING)))
        .hasMessage("element 1: string required");
    assertThatThrownBy(
            () ->
                conv(
                    Value.fromJava(Map.of("a", 1)),
                    Type.object(Map.of("a", Type.STRING, "b", Type.NUMBER))))
        .hasMessage("attribute \"b\" is required");
    assertThatThrownBy(
            () ->
                conv(
                    Value.fromJava(Map.of("a", List.of("x"))),
                    Type.object(Map.of("a", Type.list(Type.NUMBER)))))
        .hasMessage("attribute \"a\": element 0: a number is required");
    assertThatThrownBy(() -> conv(Value.of("x"), Type.list(Type.STRING)))
        .hasMessage("list of string required");
  }

  @Test
  void nullsUnknownsAndMarks() throws Exception {
    assertThat(conv(Value.NULL, Type.STRING)).isEqualTo(Value.nullOf(Type.STRING));
    assertThat(conv(Value.unknown(Type.NUMBER), Type.STRING)).isEqualTo(Value.unknown(Type.STRING));
    assertThat(conv(Value.unknown(Type.list(Type.STRING)), Type.list(Type.DYNAMIC)))
        .isEqualTo(Value.unknown(Type.list(Type.STRING)));
    assertThatThrownBy(() -> conv(Value.nullOf(Type.BOOL), Type.list(Type.STRING)))
        .hasMessage("list of string required");
    Value secret = conv(Value.of(5).markSensitive(), Type.STRING);
    assertThat(secret.isSensitive()).isTrue();
    assertThat(secret.unmark()).isEqualTo(Value.of("5"));
    Value any = Value.of("x");
    assertThat(conv(any, Type.DYNAMIC)).isSameAs(any);
  }

  @Test
  void unify() {
    assertThat(Convert.unify(List.of(Type.STRING, Type.NUMBER))).contains(Type.STRING);
    assertThat(Convert.unify(List.of(Type.NUMBER, Type.BOOL))).isEmpty();
    assertThat(Convert.unify(List.of(Type.NUMBER, Type.DYNAMIC))).contains(Type.NUMBER);
    assertThat(Convert.unify(List.of(Type.DYNAMIC, Type.DYNAMIC))).contains(Type.DYNAMIC);
    assertThat(
            Convert.unify(
                List.of(
                    Type.object(Map.of("a", Type.STRING)), Type.object(Map.of("a", Type.NUMBER)))))
        .contains(Type.object(Map.of("a", Type.STRING)));
    assertThat(
            Convert.unify(
                List.of(
                    Type.object(Map.of("a", Type.STRING)), Type.object(Map.of("b", Type.NUMBER)))))
        .contains(Type.map(Type.STRING));
    assertThat(
            Convert.unify(
                List.of(
                    Type.tuple(List.of(Type.STRING)),
                    Type.tuple(List.of(Type.STRING, Type.STRING)))))
        .contains(Type.list(Type.STRING));
    assertThat(Convert.unify(List.of(Type.list(Type.STRING), Type.list(Type.NUMBER))))
        .isEqualTo(Optional.of(Type.list(Type.STRING)));
    assertThat(Convert.canConvert(Type.STRING, Type.NUMBER, true)).isFalse();
    assertThat(Convert.canConvert(Type.STRING, Type.NUMBER, false)).isTrue();
  }
}
