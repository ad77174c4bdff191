package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvokerTest {
  private final Functions fns = Functions.standard();
  private final FunctionContext ctx = FunctionContext.of(Path.of("."));

  private Value call(String name, Value... args) throws FunctionException {
    return fns.get(name).orElseThrow().invoke(List.of(args), ctx);
  }

  @Test
  void convertsArguments() throws Exception {
    assertThat(call("upper", Value.of(12))).isEqualTo(Value.of("12"));
  }

  @Test
  void arityErrors() {
    assertThatThrownBy(() -> call("upper"))
        .isInstanceOfSatisfying(
            FunctionException.class,
            e -> {
              assertThat(e.summary()).isEqualTo("Not enough function arguments");
              assertThat(e.detail())
                  .isEqualTo("Function \"upper\" expects 1 argument. Missing value for \"str\".");
              assertThat(e.argIndex()).isEqualTo(-1);
            });
    assertThatThrownBy(() -> call("upper", Value.of("a"), Value.of("b")))
        .isInstanceOfSatisfying(
            FunctionException.class,
            e -> {
              assertThat(e.summary()).isEqualTo("Too many function arguments");
              assertThat(e.argIndex()).isEqualTo(1);
            });
  }

  @Test
  void badArgumentsArePlaced() {
    assertThatThrownBy(() -> call("upper", Value.EMPTY_TUPLE))
        .isInstanceOfSatisfying(
            FunctionException.class,
            e -> {
              assertThat(e.summary()).isEqualTo("Invalid function argument");
              assertThat(e.detail())
                  .isEqualTo("Invalid value for \"str\" parameter: string required.");
              assertThat(e.argIndex()).isZero();
            });
    assertThatThrownBy(() -> call("upper", Value.NULL))
        .hasMessageContaining("argument must not be null");
  }

  @Test
  void unknownsAndSensitiveValuesPropagate() throws Exception {
    assertThat(call("upper", Value.unknown(Type.STRING))).isEqualTo(Value.unknown(Type.STRING));
    Value r = call("upper", Value.of("pw").markSensitive());
    assertThat(r.isSensitive()).isTrue();
    assertThat(r.unmark()).isEqualTo(Value.of("PW"));
  }
}
