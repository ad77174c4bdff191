package dev.ingot.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.build.ui.JsonSink;
import dev.ingot.build.ui.MachineReadableSink;
import dev.ingot.build.ui.TextSink;
import dev.ingot.build.ui.Ui;
import dev.ingot.plugin.Config;
import dev.ingot.provision.NullSource;
import dev.ingot.provision.ShellLocalPostProcessor;
import dev.ingot.provision.ShellLocalProvisioner;
import dev.ingot.publish.ManifestPostProcessor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the built-in null source and shell-local steps (real processes). */
class EngineWithRealPluginsTest {
  @TempDir Path dir;
  final Fakes.Journal j = new Fakes.Journal();
  final Fakes.RecordingSink events = new Fakes.RecordingSink();

  static PlannedProvisioner shell(String... lines) {
    return PlannedProvisioner.of(
        new ShellLocalProvisioner(), Config.of(Map.of("inline", List.of(lines))));
  }

  PlannedBuild nullBuild(String name, List<PlannedProvisioner> ps) {
    return PlannedBuild.of(name, new NullSource(), Config.of(Map.of("communicator", "none")))
        .withProvisioners(ps);
  }

  @Test
  void cancelDuringALongShellLocalStepKillsItsProcessTreeAndRunsCleanups() throws Exception {
    Path pid = dir.resolve("pid");
    // The fake source registers cleanups "a" and "b"; the shell step starts a grandchild sleep.
    var b =
        PlannedBuild.of("x", new Fakes.Source(j, false), Config.of(Map.of()))
            .withProvisioners(List.of(shell("sleep 300 & echo $! > " + pid, "wait")));
    Engine engine =
        new Engine(
            Plan.of(dir, b),
            RunOptions.defaults(dir),
            new Ui(List.of(events), Masker.NONE, Clock.systemUTC()));
    AtomicReference<RunResult> result = new AtomicReference<>();
    Thread t = Thread.ofPlatform().start(() -> result.set(engine.run()));
    long child = dev.ingot.provision.ShellTestSupport.waitForPid(pid);
    engine.cancel();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(result.get().cancelled()).isTrue();
    assertThat(j.entries()).containsSubsequence("cleanup b fake.x", "cleanup a fake.x");
    assertThat(dev.ingot.provision.ShellTestSupport.waitGone(child))
        .as("grandchild sleep killed")
        .isTrue();
  }

  @Test
  void timeoutStopsTheStepAndFailsTheBuild() throws Exception {
    Path pid = dir.resolve("pid");
    var b =
        nullBuild(
            "t",
            List.of(
                shell("sleep 300 & echo $! > " + pid, "wait").withTimeout(Duration.ofMillis(300))));
    StringWriter out = new StringWriter();
    RunResult r =
        new Engine(
                Plan.of(dir, b),
                RunOptions.defaults(dir),
                new Ui(
                    List.of(new TextSink(new PrintWriter(out), false, false, false)),
                    Masker.NONE,
                    Clock.systemUTC()))
            .run();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.builds().get(0).error())
        .contains("Provisioner shell-local timed out after 300 milliseconds");
    assertThat(r.builds().get(0).cancelled()).isFalse();
    long child = Long.parseLong(Files.readString(pid).strip());
    assertThat(dev.ingot.provision.ShellTestSupport.waitGone(child)).isTrue();
  }

  @Test
  void exitCodeOfAShellLocalStepFailsTheBuild() {
    var b = nullBuild("e", List.of(shell("echo x, y", "exit 3")));
    StringWriter mr = new StringWriter();
    RunResult r =
        new Engine(
                Plan.of(dir, b),
                RunOptions.defaults(dir),
                new Ui(
                    List.of(new MachineReadableSink(new PrintWriter(mr))),
                    Masker.NONE,
                    Clock.systemUTC()))
            .run();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(mr.toString())
        .contains(",,ui,message,    null.e: x%!(PACKER_COMMA) y\n")
        .contains(",,error-count,1\n")
        .contains(
            ",null.e,error,Script exited with non-zero exit status: 3. Allowed exit codes are: [0] (inline script)\n");
  }

  /** A secret reaches the log, an error, a JSON event and the manifest: it is masked in all. */
  @Test
  void secretsAreMaskedInEverySinkAndTheManifest() throws Exception {
    String secret = "hunter2-s3cr3t";
    var pp =
        PlannedPostProcessor.of(
            new ShellLocalPostProcessor(),
            Config.of(Map.of("inline", List.of("echo pp sees " + secret, "exit 1"))));
    var manifest =
        PlannedPostProcessor.of(
            new ManifestPostProcessor(),
            Config.of(Map.of("output", "m.json", "custom_data", Map.of("token", secret))));
    var b =
        nullBuild("m", List.of(shell("echo the password is " + secret)))
            .withChains(List.of(List.of(manifest), List.of(pp)));
    StringWriter text = new StringWriter();
    StringWriter mr = new StringWriter();
    StringWriter json = new StringWriter();
    Ui ui =
        new Ui(
            List.of(
                new TextSink(new PrintWriter(text), true, true, false),
                new MachineReadableSink(new PrintWriter(mr)),
                new JsonSink(new PrintWriter(json))),
            Masker.NONE,
            Clock.systemUTC());
    Plan plan = Plan.of(dir, b).withMasker(Masker.of(secret));
    RunResult r = new Engine(plan, RunOptions.defaults(dir), ui).run();
    assertThat(r.exitCode()).isEqualTo(1);
    String manifestText = Files.readString(dir.resolve("m.json"));
    for (String out : List.of(text.toString(), mr.toString(), json.toString(), manifestText)) {
      assertThat(out).doesNotContain(secret).contains("<sensitive>");
    }
    assertThat(text.toString()).contains("the password is <sensitive>");
    assertThat(json.toString()).contains("\"message\":\"pp sees <sensitive>\"");
  }
}
