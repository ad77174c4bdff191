package dev.ingot.build;

import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.ui.BuildOutcome;
import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.Ui;
import dev.ingot.plugin.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link Plan}: builds in parallel on their own threads (at most {@code parallelBuilds}, 0
 * for no limit), each with its own cancellation and cleanups, then reports the summary. {@link
 * #cancel} (Ctrl-C, SIGTERM) cancels every running build, which then runs its cleanups; builds not
 * yet started are skipped. Thread-safe: {@link #run} once, {@link #cancel} from any thread.
 */
public final class Engine {
  private final Plan plan;
  private final RunOptions opts;
  private final Ui ui;
  private final List<Cancellation> cancellations;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public Engine(Plan plan, RunOptions opts, Ui ui) {
    this.plan = plan;
    this.opts = opts;
    this.ui = ui.withMasker(ui.masker().plus(plan.masker()));
    this.cancellations = plan.builds().stream().map(b -> new Cancellation()).toList();
  }

  /** Stops the run: every build's cancellation fires; {@link #run} returns once cleanups ran. */
  public void cancel() {
    cancelled.set(true);
    cancellations.forEach(Cancellation::cancel);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  public RunResult run() {
    Instant start = ui.now();
    List<PlannedBuild> builds = plan.builds();
    ui.emit(new Event.RunStarted(start, builds.stream().map(PlannedBuild::buildName).toList()));
    List<String> problems = OutputDirs.check(builds, opts.cwd(), plan.templateDir(), opts.force());
    if (!problems.isEmpty()) {
      return refuse(start, builds, problems);
    }
    int threads = opts.parallelBuilds() == 0 ? Math.max(1, builds.size()) : opts.parallelBuilds();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r ->
                Thread.ofPlatform()
                    .name("ingot-build-" + n.incrementAndGet())
                    .daemon()
                    .unstarted(r));
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("ingot-timer").daemon().unstarted(r));
    BuildRunner runner = new BuildRunner(ui, opts, plan.templateDir(), timers);
    List<Future<BuildResult>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < builds.size(); i++) {
        PlannedBuild b = builds.get(i);
        Cancellation c = cancellations.get(i);
        futures.add(
            pool.submit(() -> cancelled.get() || c.isCancelled() ? skipped(b) : runner.run(b, c)));
      }
      List<BuildResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        results.add(await(futures.get(i), builds.get(i)));
      }
      return finish(start, results);
    } finally {
      pool.shutdownNow();
      timers.shutdownNow();
    }
  }

  private BuildResult await(Future<BuildResult> f, PlannedBuild b) {
    while (true) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        // Keep waiting: the builds must finish their cleanups before the run ends.
        cancel();
      } catch (java.util.concurrent.ExecutionException e) {
        return new BuildResult(
            b.buildName(),
            List.of(),
            Optional.of(Errors.describe(e.getCause())),
            false,
            Duration.ZERO);
      }
    }
  }

  private BuildResult skipped(PlannedBuild b) {
    return new BuildResult(b.buildName(), List.of(), Optional.empty(), true, Duration.ZERO);
  }

  private RunResult refuse(Instant start, List<PlannedBuild> builds, List<String> problems) {
    for (String p : problems) {
      int colon = p.indexOf(": ");
      ui.emit(new Event.ErrorReported(ui.now(), p.substring(0, colon), "", p.substring(colon + 2)));
    }
    List<BuildResult> results = new ArrayList<>();
    for (PlannedBuild b : builds) {
      String own =
          problems.stream()
              .filter(p -> p.startsWith(b.buildName() + ": "))
              .map(p -> p.substring(b.buildName().length() + 2))
              .findFirst()
              .orElse("not started: another build's output directory is in the way");
      results.add(
          new BuildResult(b.buildName(), List.of(), Optional.of(own), false, Duration.ZERO));
    }
    return finish(start, results);
  }

  private RunResult finish(Instant start, List<BuildResult> results) {
    Duration elapsed = Duration.between(start, ui.now());
    List<BuildOutcome> outcomes =
        results.stream()
            .map(
                r ->
                    new BuildOutcome(
                        r.build(),
                        r.artifacts().stream().map(a -> Artifacts.info(a, opts.cwd())).toList(),
                        r.error(),
                        r.cancelled()))
            .toList();
    ui.emit(new Event.RunFinished(ui.now(), elapsed, outcomes, cancelled.get()));
    return new RunResult(results, cancelled.get(), elapsed);
  }
}
