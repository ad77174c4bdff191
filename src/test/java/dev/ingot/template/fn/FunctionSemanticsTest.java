package dev.ingot.template.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tables cannot show: context, unknowns, sensitive values, the registry. */
class FunctionSemanticsTest {
  private final Functions fns = Functions.standard();
  private final FunctionContext ctx =
      FunctionContext.of(Path.of("/tmp")).withEnv(Map.of("USER", "ann"));

  private Value call(FunctionContext c, String name, Value... args) throws FunctionException {
    return fns.get(name).orElseThrow().invoke(List.of(args), c);
  }

  /**
   * jsondecode reads numbers as JSON variable files do, as cty does: the nearest 512-bit float (one
   * reader for both; jsondecode kept all 200 digits when each had its own).
   */
  @Test
  void jsondecodeRoundsNumbersAsCtyDoes() throws Exception {
    String long1 = "1." + "0".repeat(198) + "1";
    assertThat(call(ctx, "jsondecode", Value.of("[" + long1 + ", 0.1]")))
        .isEqualTo(
            Value.tuple(List.of(Value.of(1), Value.number(new java.math.BigDecimal("0.1")))));
    assertThatThrownBy(() -> call(ctx, "jsondecode", Value.of("{\"a\": 1e99999999999}")))
        .hasMessageContaining("the number 1e99999999999 is out of range")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void envOnlyWhereAllowed() throws Exception {
    assertThatThrownBy(() -> call(ctx, "env", Value.of("USER")))
        .isInstanceOfSatisfying(
            FunctionException.class,
            e -> {
              assertThat(e.summary()).isEqualTo("Error in function call");
              assertThat(e.detail())
                  .contains("only be used in the default value of a variable block")
                  .contains("env(\"USER\")");
            });
    FunctionContext allowed = ctx.withEnvAllowed(true);
    assertThat(call(allowed, "env", Value.of("USER"))).isEqualTo(Value.of("ann"));
    assertThat(call(allowed, "env", Value.of("NOPE"))).isEqualTo(Value.of(""));
  }

  @Test
  void unknownArgumentsGiveUnknownResults() throws Exception {
    Value u = Value.unknown(Type.STRING);
    assertThat(call(ctx, "upper", u)).isEqualTo(Value.unknown(Type.STRING));
    assertThat(call(ctx, "join", Value.of(","), Value.tuple(List.of(Value.of("a"), u))))
        .isEqualTo(Value.unknown(Type.STRING));
    assertThat(call(ctx, "format", Value.of("%s"), u)).isEqualTo(Value.unknown(Type.STRING));
    assertThat(call(ctx, "length", Value.unknown(Type.list(Type.STRING))))
        .isEqualTo(Value.unknown(Type.NUMBER));
    assertThat(call(ctx, "length", Value.tuple(List.of(u, u)))).isEqualTo(Value.of(2));
    assertThat(call(ctx, "jsonencode", Value.object(Map.of("a", u))).isKnown()).isFalse();
    // A dynamic unknown converts to the parameter type first.
    assertThat(call(ctx, "lower", Value.unknown(Type.DYNAMIC)))
        .isEqualTo(Value.unknown(Type.STRING));
  }

  @Test
  void sensitiveInputsMakeSensitiveResults() throws Exception {
    Value pw = Value.of("hunter2").markSensitive();
    Value joined = call(ctx, "join", Value.of("-"), Value.tuple(List.of(Value.of("u"), pw)));
    assertThat(joined.isSensitive()).isTrue();
    assertThat(joined.unmark()).isEqualTo(Value.of("u-hunter2"));
    Value json = call(ctx, "jsonencode", Value.object(Map.of("password", pw)));
    assertThat(json.isSensitive()).isTrue();
    assertThat(json.toString()).doesNotContain("hunter2");
    assertThat(call(ctx, "length", pw).isSensitive()).isTrue();
    assertThat(call(ctx, "upper", Value.of("x")).isSensitive()).isFalse();
  }

  @Test
  void errorsNeverEchoASecret() {
    Value secret = Value.of("s3cr3t-token").markSensitive();
    assertThatThrownBy(() -> call(ctx, "parseint", secret, Value.of(10)))
        .isInstanceOfSatisfying(
            FunctionException.class,
            e -> {
              assertThat(e.detail()).doesNotContain("s3cr3t").contains("sensitive value");
              assertThat(e.argIndex()).isZero();
            });
    // Messages without the secret stay as they are.
    assertThatThrownBy(() -> call(ctx, "base64decode", secret))
        .hasMessageContaining("not valid Base64");
  }

  @Test
  void contextSuppliesClockUuidsAndRenderer() throws Exception {
    FunctionContext c = FunctionFixture.context(Path.of("/tmp"));
    assertThat(call(c, "timestamp")).isEqualTo(Value.of("2020-02-03T04:05:06Z"));
    assertThat(call(c, "uuidv4")).isEqualTo(Value.of("00000000-0000-4000-8000-000000000001"));
    assertThat(call(ctx, "uuidv4").asString())
        .matches("[0-9a-f-]{36}")
        .isNotEqualTo(call(ctx, "uuidv4").asString());
  }

  @Test
  void templatefileNeedsARenderer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("t.tpl"), "x");
    assertThatThrownBy(
            () ->
                call(
                    FunctionContext.of(dir), "templatefile", Value.of("t.tpl"), Value.EMPTY_OBJECT))
        .hasMessageContaining("templates cannot be rendered in this context");
  }

  @Test
  void registryHasTheDocumentedFunctions() {
    assertThat(fns.names())
        .contains(
            "format",
            "formatlist",
            "join",
            "split",
            "replace",
            "regex_replace",
            "regex",
            "regexall",
            "lower",
            "upper",
            "title",
            "trimspace",
            "trim",
            "trimprefix",
            "trimsuffix",
            "substr",
            "strrev",
            "chomp",
            "indent",
            "length",
            "concat",
            "contains",
            "distinct",
            "element",
            "flatten",
            "keys",
            "values",
            "lookup",
            "merge",
            "range",
            "slice",
            "sort",
            "reverse",
            "zipmap",
            "coalesce",
            "coalescelist",
            "compact",
            "index",
            "setunion",
            "setintersection",
            "setproduct",
            "setsubtract",
            "chunklist",
            "max",
            "min",
            "abs",
            "ceil",
            "floor",
            "log",
            "pow",
            "signum",
            "parseint",
            "tostring",
            "tonumber",
            "tobool",
            "tolist",
            "toset",
            "tomap",
            "jsonencode",
            "jsondecode",
            "yamlencode",
            "yamldecode",
            "base64encode",
            "base64decode",
            "urlencode",
            "csvdecode",
            "file",
            "fileexists",
            "fileset",
            "templatefile",
            "abspath",
            "basename",
            "dirname",
            "pathexpand",
            "timestamp",
            "formatdate",
            "timeadd",
            "uuidv4",
            "uuidv5",
            "sha1",
            "sha256",
            "sha512",
            "md5",
            "base64sha256",
            "base64sha512",
            "env")
        .doesNotContain("can", "try");
    assertThat(fns.all()).allSatisfy(f -> assertThat(f.description()).endsWith("."));
    assertThatThrownBy(
            () ->
                Functions.of(
                    List.of(fns.get("upper").orElseThrow(), fns.get("upper").orElseThrow())))
        .hasMessageContaining("two functions are named upper");
    Function custom =
        Fn.builder("upper", "Replaced.").returns(Type.STRING).body((a, c) -> Value.of("!"));
    assertThat(fns.with(List.of(custom)).get("upper").orElseThrow().description())
        .isEqualTo("Replaced.");
  }
}
