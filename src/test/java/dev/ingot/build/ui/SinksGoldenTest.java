package dev.ingot.build.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.plan.Masker;
import dev.ingot.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The same run rendered by each sink, compared with golden files (-Dgolden.update=true). */
class SinksGoldenTest {
  private static final Instant T0 = Instant.parse("2026-12-01T15:54:06.250Z");

  private static Instant t(int ms) {
    return T0.plusMillis(ms);
  }

  /** Two builds, a post-processor, command output with a comma, a failure, progress, a secret. */
  static List<Event> run() {
    ArtifactInfo nothing = new ArtifactInfo("null", "", "no artifact", List.of());
    ArtifactInfo tgz =
        new ArtifactInfo(
            "compress", "out/a.tar.gz", "1 file(s): [out/a.tar.gz]", List.of("out/a.tar.gz"));
    return List.of(
        new Event.RunStarted(t(0), List.of("null.a", "null.b")),
        new Event.BuildStarted(t(1), "null.a"),
        new Event.BuildStarted(t(1), "null.b"),
        new Event.StepStarted(t(2), "null.a", Event.StepKind.SOURCE, "null", ""),
        new Event.StepFinished(
            t(3),
            "null.a",
            Event.StepKind.SOURCE,
            "null",
            "",
            Duration.ofMillis(1),
            Optional.empty()),
        new Event.StepStarted(t(4), "null.a", Event.StepKind.PROVISIONER, "shell-local", ""),
        new Event.Log(
            t(5),
            "null.a",
            "",
            Event.Level.INFO,
            "Running local shell script: /tmp/ingot-shell1.sh"),
        new Event.Log(t(6), "null.a", "", Event.Level.OUTPUT, "x, y with token hunter2"),
        new Event.Log(t(7), "null.a", "", Event.Level.WARN, "disk almost full"),
        new Event.StepFinished(
            t(8),
            "null.a",
            Event.StepKind.PROVISIONER,
            "shell-local",
            "",
            Duration.ofMillis(4),
            Optional.empty()),
        new Event.StepStarted(t(9), "null.a", Event.StepKind.POST_PROCESSOR, "compress", "pack"),
        new Event.Progress(t(10), "null.a", "compress", "Compressing out/a.tar.gz", 0, 4 << 20),
        new Event.Progress(
            t(11), "null.a", "compress", "Compressing out/a.tar.gz", 3 << 20, 4 << 20),
        new Event.Progress(
            t(12), "null.a", "compress", "Compressing out/a.tar.gz", 4 << 20, 4 << 20),
        new Event.Log(
            t(13), "null.a", "compress", Event.Level.INFO, "Archive out/a.tar.gz completed"),
        new Event.StepFinished(
            t(14),
            "null.a",
            Event.StepKind.POST_PROCESSOR,
            "compress",
            "pack",
            Duration.ofMillis(5),
            Optional.empty()),
        new Event.ArtifactMade(t(15), "null.a", 0, nothing),
        new Event.ArtifactMade(t(15), "null.a", 1, tgz),
        new Event.BuildFinished(
            t(16), "null.a", Duration.ofMillis(15).plusNanos(42_000), Optional.empty(), false),
        new Event.ErrorReported(t(17), "null.b", "", "Cleanup failed: mount: busy"),
        new Event.BuildFinished(
            t(18),
            "null.b",
            Duration.ofSeconds(61).plusMillis(3),
            Optional.of("Script exited with non-zero exit status: 3\nsee log"),
            false),
        new Event.RunFinished(
            t(1019),
            Duration.ofSeconds(1).plusMillis(19),
            List.of(
                new BuildOutcome("null.a", List.of(nothing, tgz), Optional.empty(), false),
                new BuildOutcome(
                    "null.b",
                    List.of(),
                    Optional.of("Script exited with non-zero exit status: 3"),
                    false)),
            false));
  }

  private static String render(Function<PrintWriter, EventSink> make) {
    StringWriter sw = new StringWriter();
    Ui ui =
        new Ui(
            List.of(make.apply(new PrintWriter(sw))),
            Masker.of("hunter2"),
            Clock.fixed(T0, ZoneOffset.UTC));
    run().forEach(ui::emit);
    return sw.toString();
  }

  @Test
  void machineReadable() throws Exception {
    String out = render(MachineReadableSink::new);
    Golden.assertMatches("ui/machine-readable.txt", out);
    assertThat(out).doesNotContain("hunter2");
  }

  @Test
  void json() throws Exception {
    String out = render(JsonSink::new);
    Golden.assertMatches("ui/events.jsonl", out);
    // Every line is one JSON object with time and type.
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : out.split("\n")) {
      var node = mapper.readTree(line);
      assertThat(node.has("time") && node.has("type")).as(line).isTrue();
    }
  }

  @Test
  void plainText() throws Exception {
    Golden.assertMatches("ui/plain.txt", render(w -> new TextSink(w, false, false, false)));
  }

  @Test
  void colourAndTimestamps() throws Exception {
    Golden.assertMatches(
        "ui/color-timestamps.txt", render(w -> new TextSink(w, true, true, false)));
  }

  @Test
  void terminalProgressIsRedrawnInPlace() {
    String out = render(w -> new TextSink(w, false, false, true));
    assertThat(out).contains("\r\033[K");
    assertThat(out)
        .contains("    null.a (compress): Compressing out/a.tar.gz 100% (4.0 MiB of 4.0 MiB)\n");
  }

  @Test
  void packerDurations() {
    assertThat(Durations.packer(Duration.ofMillis(42).plusNanos(67_000)))
        .isEqualTo("42 milliseconds 67 microseconds");
    assertThat(Durations.packer(Duration.ofSeconds(3661))).isEqualTo("1 hour 1 minute 1 second");
    assertThat(Durations.packer(Duration.ZERO)).isEqualTo("0 microseconds");
  }

  @Test
  void machineReadableEscaping() {
    assertThat(MachineReadableSink.escape("a,b\nc\rd")).isEqualTo("a%!(PACKER_COMMA)b\\nc\\rd");
  }
}
