package dev.ingot.build.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaCheckerTest {
  private static final Schema IGNORE =
      Schema.of(
          Arg.required("path", ArgType.STRING, ""), Arg.optional("days", ArgType.NUMBER, null, ""));
  private static final Schema SCHEMA =
      Schema.of(
          Arg.required("ssh_username", ArgType.STRING, "user"),
          Arg.optional("ssh_port", ArgType.NUMBER, new BigDecimal(22), "port"),
          Arg.optional("inline", ArgType.STRING_LIST, null, "lines"),
          Arg.optional("env", ArgType.STRING_MAP, null, "env"),
          Arg.optional("debug", ArgType.BOOL, false, "debug"),
          Arg.optional("password", ArgType.STRING, null, "pw").asSensitive(),
          Arg.blocks("ignore", IGNORE, "ignored advisories"));

  private static Range at(int line) {
    return new Range("t.pkr.hcl", new Pos(line, 3, line * 10), new Pos(line, 9, line * 10 + 6));
  }

  private static RawBody body(Map<String, Object> attrs, Map<String, List<RawBody>> blocks) {
    Map<String, RawBody.Attr> a = new LinkedHashMap<>();
    int[] line = {2};
    attrs.forEach((k, v) -> a.put(k, new RawBody.Attr(v, at(line[0]++))));
    return new RawBody(a, blocks, at(1));
  }

  @Test
  void convertsAndAppliesDefaults() {
    var c =
        SchemaChecker.check(
            SCHEMA,
            body(
                Map.of(
                    "ssh_username",
                    7,
                    "inline",
                    List.of("a", 1, true),
                    "env",
                    Map.of("A", 1),
                    "debug",
                    "true",
                    "password",
                    "s3cret"),
                Map.of("ignore", List.of(body(Map.of("path", "CVE-1", "days", "3"), Map.of())))));
    assertThat(c.diagnostics().all()).isEmpty();
    assertThat(c.config().string("ssh_username")).contains("7");
    assertThat(c.config().longValue("ssh_port", 0)).isEqualTo(22);
    assertThat(c.config().strings("inline")).containsExactly("a", "1", "true");
    assertThat(c.config().stringMap("env")).containsEntry("A", "1");
    assertThat(c.config().bool("debug", false)).isTrue();
    assertThat(c.config().objects("ignore").get(0).longValue("days", 0)).isEqualTo(3);
    assertThat(c.sensitiveValues()).containsExactly("s3cret");
    assertThat(c.config().rangeOf("ssh_username").start().line()).isGreaterThan(1);
  }

  @Test
  void reportsUnknownWrongAndMissingInHclWords() {
    var c =
        SchemaChecker.check(
            SCHEMA,
            body(
                Map.of("ssh_usrname", "x", "ssh_port", "twenty", "inline", "notalist", "ignore", 1),
                Map.of(
                    "env",
                    List.of(body(Map.of(), Map.of())),
                    "ignor",
                    List.of(body(Map.of(), Map.of())))),
            Set.of("pause_before"));
    List<String> got =
        c.diagnostics().all().stream().map(d -> d.summary() + ": " + d.detail()).toList();
    assertThat(got)
        .contains(
            "Unsupported argument: An argument named \"ssh_usrname\" is not expected here. Did you mean \"ssh_username\"?",
            "Incorrect attribute value type: Inappropriate value for attribute \"ssh_port\": number required.",
            "Incorrect attribute value type: Inappropriate value for attribute \"inline\": list(string) required.",
            "Unsupported argument: An argument named \"ignore\" is not expected here. Did you mean to define a block of type \"ignore\"?",
            "Unsupported block type: Blocks of type \"env\" are not expected here. Did you mean to define argument \"env\"? If so, use the equals sign to assign it a value.",
            "Unsupported block type: Blocks of type \"ignor\" are not expected here. Did you mean \"ignore\"?",
            "Missing required argument: The argument \"ssh_username\" is required, but no definition was found.");
    Diagnostic missing =
        c.diagnostics().all().stream()
            .filter(d -> d.summary().startsWith("Missing"))
            .findFirst()
            .orElseThrow();
    assertThat(missing.subject()).isEqualTo(at(1));
  }

  @Test
  void nestedBlockProblemsAreFound() {
    var c =
        SchemaChecker.check(
            SCHEMA,
            body(
                Map.of("ssh_username", "u"),
                Map.of("ignore", List.of(body(Map.of("days", 1), Map.of())))));
    assertThat(c.diagnostics().all())
        .extracting(Diagnostic::summary)
        .containsExactly("Missing required argument");
  }

  @Test
  void skippedNamesAreNeitherCheckedNorPassed() {
    var c =
        SchemaChecker.check(
            SCHEMA,
            body(Map.of("ssh_username", "u", "pause_before", "10s"), Map.of()),
            Set.of("pause_before"));
    assertThat(c.diagnostics().all()).isEmpty();
    assertThat(c.config().has("pause_before")).isFalse();
  }
}
