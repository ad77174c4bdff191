package dev.ingot.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.TextSink;
import dev.ingot.build.ui.Ui;
import dev.ingot.plugin.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path dir;
  final Fakes.Journal j = new Fakes.Journal();
  final Fakes.Source source = new Fakes.Source(j, false);
  final Fakes.Prov prov = new Fakes.Prov(j);
  final Fakes.RecordingSink events = new Fakes.RecordingSink();
  final StringWriter text = new StringWriter();

  PlannedBuild build(String name, Map<String, Object> cfg) {
    return PlannedBuild.of(name, source, Config.of(cfg));
  }

  PlannedProvisioner p(Map<String, Object> cfg) {
    return PlannedProvisioner.of(prov, Config.of(cfg));
  }

  PlannedPostProcessor pp(String label, boolean keep, Map<String, Object> more) {
    var cfg = new java.util.HashMap<String, Object>(more);
    cfg.put("label", label);
    return PlannedPostProcessor.of(new Fakes.Post("fake-pp", j, false), Config.of(cfg))
        .withKeepInputArtifact(keep);
  }

  RunOptions opts() {
    return RunOptions.defaults(dir);
  }

  RunResult run(Plan plan, RunOptions o) {
    Ui ui =
        new Ui(
            List.of(events, new TextSink(new PrintWriter(text), false, false, false)),
            Masker.NONE,
            Clock.systemUTC());
    return new Engine(plan, o, ui).run();
  }

  @Test
  void stepsRunInOrderAndCleanupsInReverse() {
    var b =
        build("x", Map.of())
            .withProvisioners(List.of(p(Map.of("label", "one")), p(Map.of("label", "two"))))
            .withChains(List.of(List.of(pp("pp1", false, Map.of()))));
    RunResult r = run(Plan.of(dir, b), opts());
    assertThat(r.exitCode()).isZero();
    assertThat(j.entries())
        .containsExactly(
            "build fake.x",
            "prov one #1 fake.x",
            "prov two #1 fake.x",
            "pp pp1 got [] fake.x",
            "cleanup prov two fake.x",
            "cleanup prov one fake.x",
            "cleanup b fake.x",
            "cleanup a fake.x");
    assertThat(r.builds().get(0).artifacts())
        .extracting(a -> a.producer())
        .containsExactly("fake-pp");
    assertThat(text.toString())
        .contains("==> fake.x: Running provisioner: fake")
        .contains("==> fake.x: Running post-processor: pp1 (type fake-pp)".replace("pp1", ""))
        .contains("==> fake.x (fake-pp): processing pp1")
        .containsPattern("Build 'fake.x' finished after .*\\.")
        .contains("==> Builds finished. The artifacts of successful builds are:")
        .contains("--> fake.x: 1 file(s):");
  }

  @Test
  void provisionersRunInsideTheSourcesSession() {
    var withSession = new Fakes.Source(j, true);
    var b =
        PlannedBuild.of("s", withSession, Config.of(Map.of()))
            .withProvisioners(List.of(p(Map.of())));
    assertThat(run(Plan.of(dir, b), opts()).exitCode()).isZero();
    assertThat(j.entries())
        .startsWith(
            "build fake.s",
            "session open fake.s",
            "prov p #1 with communicator fake.s",
            "session finish fake.s",
            "session close fake.s");
  }

  @Test
  void buildsRunInParallel() {
    prov.barrier = new CyclicBarrier(3);
    Map<String, Object> meet = Map.of("barrier", true);
    var plan =
        Plan.of(
            dir,
            build("a", Map.of()).withProvisioners(List.of(p(meet))),
            build("b", Map.of()).withProvisioners(List.of(p(meet))),
            build("c", Map.of()).withProvisioners(List.of(p(meet))));
    // All three must be inside their provisioner at once to pass the barrier.
    RunResult r = run(plan, opts().withParallelBuilds(0));
    assertThat(r.builds()).allMatch(BuildResult::ok);
    assertThat(prov.maxRunning.get()).isEqualTo(3);
  }

  @Test
  void parallelBuildsLimitsHowManyRunAtOnce() {
    Map<String, Object> slow = Map.of("sleep_ms", 30);
    var plan =
        Plan.of(
            dir,
            build("a", Map.of()).withProvisioners(List.of(p(slow))),
            build("b", Map.of()).withProvisioners(List.of(p(slow))),
            build("c", Map.of()).withProvisioners(List.of(p(slow))));
    RunResult r = run(plan, opts().withParallelBuilds(1));
    assertThat(r.exitCode()).isZero();
    assertThat(prov.maxRunning.get()).isEqualTo(1);
    assertThat(r.builds())
        .extracting(BuildResult::build)
        .containsExactly("fake.a", "fake.b", "fake.c");
  }

  @Test
  void failureRunsErrorCleanupProvisionerCleanupsAndRemovesTheOutput() {
    var b =
        build("x", Map.of("write", true))
            .withProvisioners(
                List.of(p(Map.of("label", "bad", "fail_times", -1)), p(Map.of("label", "never"))))
            .withErrorCleanupProvisioner(p(Map.of("label", "rescue")));
    Fakes.Source s = source;
    RunResult r = run(Plan.of(dir, b), opts());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.builds().get(0).error()).contains("provisioner bad failed");
    assertThat(j.entries())
        .containsExactly(
            "build fake.x",
            "prov bad #1 fake.x",
            "prov rescue #1 fake.x",
            "cleanup prov rescue fake.x",
            "cleanup prov bad fake.x",
            "cleanup b fake.x",
            "cleanup a fake.x");
    assertThat(dir.resolve("output/fake.x")).doesNotExist();
    assertThat(text.toString())
        .contains(
            "==> fake.x: Provisioning step had errors: Running the cleanup provisioner, if present...")
        .contains("Build 'fake.x' errored after")
        .contains(
            "==> Some builds didn't complete successfully and had errors:\n--> fake.x: provisioner bad failed");
    assertThat(s).isNotNull();
  }

  @Test
  void abortLeavesEverythingForInspection() {
    var b =
        build("x", Map.of("write", true)).withProvisioners(List.of(p(Map.of("fail_times", -1))));
    RunResult r = run(Plan.of(dir, b), opts().withOnError(OnError.ABORT));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(j.entries()).noneMatch(e -> e.startsWith("cleanup"));
    assertThat(dir.resolve("output/fake.x/built.txt")).exists();
    assertThat(text.toString()).contains("-on-error=abort: cleanups skipped");
  }

  @Test
  void retriesUntilSuccessOrExhausted() {
    var ok =
        build("ok", Map.of())
            .withProvisioners(List.of(p(Map.of("fail_times", 2)).withMaxRetries(2)));
    var ko =
        build("ko", Map.of())
            .withProvisioners(List.of(p(Map.of("fail_times", 2)).withMaxRetries(1)));
    RunResult r = run(Plan.of(dir, ok, ko), opts());
    assertThat(r.builds().get(0).ok()).isTrue();
    assertThat(r.builds().get(1).error()).contains("provisioner p failed");
    assertThat(j.of("fake.ok")).filteredOn(e -> e.startsWith("prov")).hasSize(3);
    assertThat(j.of("fake.ko")).filteredOn(e -> e.startsWith("prov")).hasSize(2);
    assertThat(text.toString())
        .contains(
            "Warning: Provisioner fake failed (attempt 1 of 3): provisioner p failed; retrying");
  }

  @Test
  void pauseBeforeIsLoggedAndWaited() {
    var b =
        build("x", Map.of())
            .withProvisioners(List.of(p(Map.of()).withPauseBefore(Duration.ofMillis(20))));
    assertThat(run(Plan.of(dir, b), opts()).exitCode()).isZero();
    assertThat(text.toString())
        .contains("==> fake.x: Pausing 20 milliseconds before the next provisioner...");
  }

  @Test
  void keepInputArtifactFollowsPacker() throws Exception {
    // Chain 1: pp1 (keep) -> pp2 (drop its input) ; chain 2: pp3 (no keep) -> pp4 (keep its input).
    var b =
        build("x", Map.of("write", true))
            .withChains(
                List.of(
                    List.of(pp("pp1", true, Map.of()), pp("pp2", false, Map.of())),
                    List.of(pp("pp3", false, Map.of()), pp("pp4", true, Map.of()))));
    RunResult r = run(Plan.of(dir, b), opts());
    assertThat(r.exitCode()).isZero();
    List<String> files =
        r.builds().get(0).artifacts().stream()
            .map(a -> a.artifact().files().get(0).getFileName().toString())
            .toList();
    // The build's artifact is kept (pp1 keeps it) and comes first; pp1's output was dropped by pp2.
    assertThat(files).containsExactly("built.txt", "pp2", "pp3", "pp4");
    Path out = dir.resolve("output/fake.x");
    assertThat(out.resolve("pp1")).doesNotExist();
    assertThat(out.resolve("pp3")).exists();
    assertThat(j.entries()).contains("pp pp2 got [pp1] fake.x", "pp pp3 got [built.txt] fake.x");
  }

  @Test
  void builderArtifactIsDroppedWhenNoChainKeepsIt() {
    var b =
        build("x", Map.of("write", true)).withChains(List.of(List.of(pp("only", false, Map.of()))));
    RunResult r = run(Plan.of(dir, b), opts());
    assertThat(r.builds().get(0).artifacts()).hasSize(1);
    assertThat(dir.resolve("output/fake.x/built.txt")).doesNotExist();
    assertThat(dir.resolve("output/fake.x/only")).exists();
  }

  @Test
  void aFailedChainStopsButOtherChainsRun() {
    var b =
        build("x", Map.of())
            .withChains(
                List.of(
                    List.of(
                        pp("bad", false, Map.of("fail", true)), pp("after-bad", false, Map.of())),
                    List.of(pp("good", false, Map.of()))));
    RunResult r = run(Plan.of(dir, b), opts());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.builds().get(0).error()).contains("Post-processor failed: pp bad failed");
    assertThat(j.entries())
        .contains("pp good got [] fake.x")
        .noneMatch(e -> e.startsWith("pp after-bad"));
  }

  @Test
  void anOutputDirectoryThatCannotBeMadeIsRefusedBeforeAnythingRuns() throws Exception {
    // A file where the output's parent should be was found after the source step.
    Files.writeString(dir.resolve("output"), "a file");
    var b = build("x", Map.of("write", true));
    RunResult refused = run(Plan.of(dir, b), opts());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(j.entries()).isEmpty();
    assertThat(text.toString())
        .contains(
            "Cannot create output directory output/fake.x: "
                + dir.resolve("output").toAbsolutePath().normalize()
                + " is a file, not a directory");
    assertThat(dir.resolve("output")).hasContent("a file");
  }

  @Test
  void existingOutputNeedsForce() throws Exception {
    Path out = Files.createDirectories(dir.resolve("output/fake.x"));
    Files.writeString(out.resolve("old.txt"), "old");
    var b = build("x", Map.of("write", true));
    RunResult refused = run(Plan.of(dir, b), opts());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(j.entries()).isEmpty();
    assertThat(out.resolve("old.txt")).exists();
    assertThat(text.toString())
        .contains(
            "Output directory exists: output/fake.x. Use the -force flag to delete it prior to building.");
    RunResult forced = run(Plan.of(dir, b), opts().withForce(true));
    assertThat(forced.exitCode()).isZero();
    assertThat(out.resolve("old.txt")).doesNotExist();
    assertThat(out.resolve("built.txt")).hasContent("built");
    try (var s = Files.list(out)) {
      assertThat(s).containsExactly(out.resolve("built.txt"));
    }
  }

  @Test
  void forceNeverDeletesTheWorkingDirectory() {
    var b = build("x", Map.of("output_directory", "."));
    RunResult r = run(Plan.of(dir, b), opts().withForce(true));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(text.toString()).contains("Refusing to delete output directory");
    assertThat(dir).exists();
  }

  @Test
  void cancelStopsBlockedBuildsRunsCleanupsAndSkipsTheRest() throws Exception {
    var blocked = build("a", Map.of()).withProvisioners(List.of(p(Map.of("block", true))));
    var queued = build("b", Map.of());
    Ui ui = new Ui(List.of(events), Masker.NONE, Clock.systemUTC());
    Engine engine = new Engine(Plan.of(dir, blocked, queued), opts().withParallelBuilds(1), ui);
    var result = new java.util.concurrent.atomic.AtomicReference<RunResult>();
    Thread t = Thread.ofPlatform().start(() -> result.set(engine.run()));
    while (j.entries().stream().noneMatch(e -> e.startsWith("prov"))) {
      Thread.sleep(10);
    }
    engine.cancel();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    RunResult r = result.get();
    assertThat(r.cancelled()).isTrue();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.builds()).allMatch(BuildResult::cancelled);
    assertThat(j.entries()).contains("cleanup a fake.a").doesNotContain("build fake.b");
    assertThat(events.of(Event.RunFinished.class).get(0).cancelled()).isTrue();
  }
}
