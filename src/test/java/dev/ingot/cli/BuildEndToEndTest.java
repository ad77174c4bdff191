package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 2's acceptance test: the real {@code ./ingot build} launcher on a template with two builds
 * that must run at the same time, sensitive variables from {@code -var} and {@code PKR_VAR_…},
 * shell-local provisioners that print them, an error-cleanup provisioner and the manifest
 * post-processor; then Ctrl-C (SIGINT to the launcher's process) or SIGTERM during a long
 * shell-local step.
 */
@Tag("peer")
@Tag("slow")
class BuildEndToEndTest {
  /**
   * The secrets hold characters that JSON, Go's HTML-safe JSON and machine-readable output escape,
   * so a mask applied after escaping would miss them. The tails are what the test looks for: they
   * survive any escaping.
   */
  static final String SECRET = "Pa<ss>&\"wd-Qx7Kp9";

  static final String SECRET_TAIL = "Qx7Kp9";
  static final String TOKEN = "tok,en=Zr4Wm2";
  static final String TOKEN_TAIL = "Zr4Wm2";

  // Each build waits (at most 30 s) until both have started: with fewer than two at once it fails.
  // The second provisioner records its sleep's process id so the test can check it is gone.
  static final String TEMPLATE =
      """
      variable "secret" {
        type      = string
        sensitive = true
      }

      variable "token" {
        type      = string
        sensitive = true
      }

      variable "greeting" {
        type    = string
        default = "hello"
      }

      variable "sleep" {
        type    = number
        default = 0
      }

      source "null" "a" {
        communicator = "none"
      }

      source "null" "b" {
        communicator = "none"
      }

      build {
        name    = "e2e"
        sources = ["source.null.a", "source.null.b"]

        provisioner "shell-local" {
          environment_vars = ["SECRET_ENV=${var.secret}"]
          inline = [
            "touch started-${source.name}",
            "i=0; for n in a b; do while [ ! -e started-$n ]; do i=$((i+1)); [ $i -lt 300 ] || exit 7; sleep 0.1; done; done",
            "echo GREET ${var.greeting} from ${source.name} of ${build.name}",
            "echo 'secret=${var.secret}'",
            "echo 'token=${var.token}'",
            "echo \\"env=$SECRET_ENV\\"",
            "env | grep '^PKR_VAR_token=' || true",
            "echo 'to stderr ${var.secret}' >&2",
          ]
        }

        provisioner "shell-local" {
          inline = ["sleep ${var.sleep} & echo $! > sleep-${source.name}.pid; wait $!"]
        }

        error-cleanup-provisioner "shell-local" {
          inline = ["echo cleaned ${source.name} > cleaned-${source.name}"]
        }

        post-processor "manifest" {
          custom_data = {
            greeting = var.greeting
            secret   = var.secret
          }
        }
      }
      """;

  @TempDir Path root;
  Path work;
  Path tmp;
  Launcher ingot;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createDirectories(root.resolve("work"));
    tmp = Files.createDirectories(root.resolve("tmp"));
    Files.writeString(work.resolve("e2e.pkr.hcl"), TEMPLATE);
    ingot = new Launcher(work, tmp);
  }

  @Test
  void buildsInParallelMasksSecretsAndAppendsTheManifest() throws Exception {
    Launcher.Run text =
        ingot.run(Map.of("PKR_VAR_token", TOKEN), build("-var", "secret=" + SECRET));
    assertThat(text.exitCode()).as(text.all()).isZero();
    for (String b : List.of("a", "b")) {
      assertThat(text.out())
          .contains("e2e.null." + b + ": GREET hello from " + b + " of e2e")
          .contains("e2e.null." + b + ": secret=<sensitive>")
          .contains("e2e.null." + b + ": token=<sensitive>")
          .contains("e2e.null." + b + ": env=<sensitive>")
          .contains("e2e.null." + b + ": PKR_VAR_token=<sensitive>");
    }
    assertThat(text.all()).contains("to stderr <sensitive>");
    assertNoSecret("text output", text.all());
    JsonNode first = manifest();
    assertThat(first.get("builds")).hasSize(2);
    String run1 = first.get("last_run_uuid").asText();
    assertThat(run1).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    Set<String> names = new TreeSet<>();
    for (JsonNode b : first.get("builds")) {
      names.add(b.get("name").asText());
      assertThat(fieldNames(b))
          .containsExactly(
              "name",
              "builder_type",
              "build_time",
              "files",
              "artifact_id",
              "packer_run_uuid",
              "custom_data");
      assertThat(b.get("builder_type").asText()).isEqualTo("null");
      assertThat(b.get("build_time").asLong()).isPositive();
      assertThat(b.get("files").isNull()).as("the null source makes no files").isTrue();
      assertThat(b.get("artifact_id").asText()).isEmpty();
      assertThat(b.get("packer_run_uuid").asText()).isEqualTo(run1);
      assertThat(b.get("custom_data").get("greeting").asText()).isEqualTo("hello");
      assertThat(b.get("custom_data").get("secret").asText()).isEqualTo("<sensitive>");
    }
    assertThat(names).containsExactly("a", "b");
    // The mask reads the same in every entry (the earlier one is read back and written again).
    assertThat(Files.readString(work.resolve("packer-manifest.json")))
        .contains("\"secret\": \"<sensitive>\"")
        .doesNotContain("u003csensitive");

    // Second run: the secret from PKR_VAR_ only, JSON events; the manifest grows.
    Launcher.Run events =
        ingot.run(Map.of("PKR_VAR_token", TOKEN, "PKR_VAR_secret", SECRET), build("--json"));
    assertThat(events.exitCode()).as(events.all()).isZero();
    assertNoSecret("JSON events", events.all());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : events.out().strip().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).extracting(l -> l.get("type").asText()).contains("run-started", "log");
    JsonNode finished = lines.getLast();
    assertThat(finished.get("type").asText()).isEqualTo("run-finished");
    assertThat(finished.get("builds")).hasSize(2);
    finished.get("builds").forEach(b -> assertThat(b.get("status").asText()).isEqualTo("ok"));
    assertThat(events.out()).contains("secret=<sensitive>").contains("env=<sensitive>");
    JsonNode second = manifest();
    assertThat(second.get("builds")).hasSize(4);
    String run2 = second.get("last_run_uuid").asText();
    assertThat(run2).isNotEqualTo(run1);
    assertThat(second.get("builds").get(0).get("packer_run_uuid").asText()).isEqualTo(run1);
    assertThat(second.get("builds").get(3).get("packer_run_uuid").asText()).isEqualTo(run2);

    // Third run: Packer's machine-readable lines.
    Launcher.Run machine =
        ingot.run(
            Map.of("PKR_VAR_token", TOKEN), build("-machine-readable", "-var", "secret=" + SECRET));
    assertThat(machine.exitCode()).as(machine.all()).isZero();
    assertNoSecret("machine-readable output", machine.all());
    for (String line : machine.out().strip().split("\n")) {
      assertThat(line).matches("\\d+,[^,]*,[a-z-]+(,.*)?");
    }
    assertThat(machine.out()).contains(",artifact-count,").contains("secret=<sensitive>");
    assertThat(manifest().get("builds")).hasSize(6);
    assertNoSecretInFiles();
    assertThat(work.resolve("cleaned-a")).as("no provisioner failed").doesNotExist();
    assertThat(tmp).isEmptyDirectory();
  }

  /** Ctrl-C (SIGINT, exit 130) and SIGTERM (exit 143) alike. */
  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalStopsALongShellStepAndCleansUp(String signal, int exitCode) throws Exception {
    Launcher.Started run =
        ingot.start(
            Map.of("PKR_VAR_token", TOKEN), build("-var", "secret=" + SECRET, "-var", "sleep=300"));
    List<Long> sleeps = new ArrayList<>();
    for (String b : List.of("a", "b")) {
      sleeps.add(waitForPid(work.resolve("sleep-" + b + ".pid"), run));
    }
    for (long pid : sleeps) {
      assertThat(ProcessHandle.of(pid)).as("sleep %d runs", pid).isPresent();
    }
    // As a terminal's Ctrl-C, but to the launcher's process only: the JVM must get it (the
    // launcher execs) and stop the sleeps itself. The shell's own kill: /bin/kill (procps) is not
    // on every machine.
    Process kill =
        new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + run.process().pid()).start();
    assertThat(kill.waitFor()).isZero();
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
    assertThat(r.err()).contains("Interrupted: cancelling builds and cleaning up");
    assertThat(r.out())
        .contains("Build 'e2e.null.a' was cancelled")
        .contains("Build 'e2e.null.b' was cancelled");
    for (long pid : sleeps) {
      assertThat(running(pid)).as("sleep %d is gone", pid).isFalse();
    }
    for (String b : List.of("a", "b")) {
      assertThat(work.resolve("cleaned-" + b)).as("error-cleanup provisioner ran").exists();
    }
    assertThat(work.resolve("packer-manifest.json")).as("no post-processor ran").doesNotExist();
    assertThat(work.resolve("output")).doesNotExist();
    assertThat(tmp).as("no temporary files left").isEmptyDirectory();
    assertNoSecret("interrupted run", r.all());
    assertNoSecretInFiles();
    try (Stream<Path> s = Files.list(work)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "cleaned-a",
              "cleaned-b",
              "e2e.pkr.hcl",
              "sleep-a.pid",
              "sleep-b.pid",
              "started-a",
              "started-b");
    }
  }

  /** {@code build -parallel-builds=2 -color=false FLAGS… e2e.pkr.hcl}. */
  private static String[] build(String... flags) {
    List<String> args = new ArrayList<>(List.of("build", "-parallel-builds=2", "-color=false"));
    args.addAll(List.of(flags));
    args.add("e2e.pkr.hcl");
    return args.toArray(String[]::new);
  }

  private long waitForPid(Path file, Launcher.Started run) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (Files.exists(file)) {
        String text = Files.readString(file).strip();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      if (!run.process().isAlive()) {
        Launcher.Run r = run.await();
        throw new AssertionError("ingot ended before the long step began:\n" + r.all());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the long shell-local step did not start within two minutes");
  }

  /**
   * Whether {@code pid} is our sleep and still runs. A killed process whose parent died too waits
   * as a zombie until init reaps it: it runs no more, so it counts as gone.
   */
  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String s = Files.readString(stat);
      // "pid (comm) STATE …"; another command under the same id means ours is long gone.
      return s.contains("(sleep)") && s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  private JsonNode manifest() throws Exception {
    return json.readTree(work.resolve("packer-manifest.json").toFile());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertNoSecret(String what, String text) {
    assertThat(text).as(what).doesNotContain(SECRET_TAIL).doesNotContain(TOKEN_TAIL);
  }

  private void assertNoSecretInFiles() throws Exception {
    try (Stream<Path> s = Files.walk(work)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().endsWith(".pkr.hcl")) {
          assertNoSecret(p.toString(), Files.readString(p));
        }
      }
    }
  }
}
