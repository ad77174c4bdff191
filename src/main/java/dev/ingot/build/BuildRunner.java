package dev.ingot.build;

import dev.ingot.artifact.Artifact;
import dev.ingot.build.BuildResult.Produced;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.Ui;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.KeptOnFailure;
import dev.ingot.plugin.ProvisionSession;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one build: the source, the provisioners inside the source's session (the error-cleanup
 * provisioner when one fails or is interrupted), then the post-processor chains. Cleanups run in
 * reverse order at the end, whatever happened, except after a failure with -on-error=abort.
 */
final class BuildRunner {
  private final Ui ui;
  private final RunOptions opts;
  private final Path templateDir;
  private final ProvisionerStep provisioners;

  BuildRunner(Ui ui, RunOptions opts, Path templateDir, ScheduledExecutorService timers) {
    this.ui = ui;
    this.opts = opts;
    this.templateDir = templateDir;
    this.provisioners = new ProvisionerStep(timers);
  }

  BuildResult run(PlannedBuild b, Cancellation cancellation) {
    Instant start = ui.now();
    String name = b.buildName();
    ui.emit(new Event.BuildStarted(start, name));
    Cleanups cleanups = new Cleanups();
    StepContext ctx = context(b, cancellation, cleanups);
    List<Produced> artifacts = List.of();
    Optional<String> error = Optional.empty();
    List<Path> explained = List.of();
    boolean cancelled = false;
    try {
      boolean reports = !opts.force() && OutputDirs.leftByFailedBuild(ctx.outputDir());
      if (reports) {
        log(
            name,
            Event.Level.INFO,
            "Replacing the reports the last failed build left in " + ctx.outputDir());
      }
      if (opts.force() || reports) {
        OutputDirs.delete(ctx.outputDir(), opts.cwd(), templateDir);
      }
      Produced built = new Produced(b.sourceType(), buildAndProvision(b, ctx));
      ChainRunner.Outcome out = new ChainRunner(ui).run(name, built, b.chains(), ctx);
      artifacts = out.artifacts();
      explained = out.keptOnFailure();
      if (!out.errors().isEmpty()) {
        error = Optional.of(String.join("; ", out.errors()));
      }
    } catch (Cancellation.CancelledException e) {
      cancelled = true;
    } catch (Exception e) {
      error = Optional.of(Errors.describe(e));
      if (e instanceof KeptOnFailure k) {
        explained = k.keptFiles();
      }
    }
    cancelled |= cancellation.isCancelled() && error.isEmpty();
    boolean failed = error.isPresent() || cancelled;
    if (failed && opts.onError() == OnError.ABORT && !cancelled) {
      warn(
          name,
          "Build failed and -on-error=abort: cleanups skipped, temporary files and outputs"
              + " left for inspection");
    } else {
      runCleanups(name, cleanups);
      if (failed) {
        artifacts = List.of();
        try {
          List<Path> kept =
              OutputDirs.deleteExcept(ctx.outputDir(), opts.cwd(), templateDir, explained);
          if (!kept.isEmpty()) {
            warn(
                name,
                "Outputs of the failed build removed; kept what explains the failure: "
                    + String.join(", ", kept.stream().map(Path::toString).toList())
                    + " (the next build replaces them, no -force needed)");
          }
        } catch (Exception e) {
          report(name, "Could not remove output directory: " + Errors.describe(e));
        }
      }
    }
    Duration elapsed = Duration.between(start, ui.now());
    for (int i = 0; i < artifacts.size(); i++) {
      ui.emit(
          new Event.ArtifactMade(ui.now(), name, i, Artifacts.info(artifacts.get(i), opts.cwd())));
    }
    ui.emit(new Event.BuildFinished(ui.now(), name, elapsed, error, cancelled));
    return new BuildResult(name, artifacts, error, cancelled, elapsed);
  }

  private Artifact buildAndProvision(PlannedBuild b, StepContext ctx) throws Exception {
    Artifact artifact =
        step(
            b.buildName(),
            Event.StepKind.SOURCE,
            b.sourceType(),
            () -> b.source().build(b.sourceConfig(), ctx));
    ctx.cancellation().check();
    for (PlannedPostProcessor c : b.customizations()) {
      Artifact in = artifact;
      StepContext own = ctx.withLog(ui.log(b.buildName(), c.type()));
      artifact =
          step(
              b.buildName(),
              Event.StepKind.CUSTOMIZE,
              c.type(),
              () -> c.plugin().process(c.config(), in, own));
      ctx.cancellation().check();
    }
    if (b.provisioners().isEmpty()) {
      return artifact;
    }
    Optional<ProvisionSession> session = b.source().provisioning(b.sourceConfig(), artifact, ctx);
    try {
      Optional<Communicator> comm = session.map(ProvisionSession::communicator);
      try {
        for (PlannedProvisioner p : b.provisioners()) {
          ctx.cancellation().check();
          step(
              b.buildName(),
              Event.StepKind.PROVISIONER,
              p.type(),
              () -> {
                provisioners.run(p, comm, ctx);
                return null;
              });
        }
      } catch (Exception e) {
        // Also after Ctrl-C: an interrupted provisioner may have left as much to undo as a
        // failed one. The build's cancellation is set by then, so the cleanup gets its own (a
        // second Ctrl-C still stops the process at once).
        errorCleanup(b, comm, ctx, ctx.cancellation().isCancelled());
        throw e;
      }
      if (session.isPresent()) {
        return session.get().finish();
      }
      return artifact;
    } finally {
      if (session.isPresent()) {
        try {
          session.get().close();
        } catch (Exception e) {
          report(b.buildName(), "Closing the provisioning session failed: " + Errors.describe(e));
        }
      }
    }
  }

  private void errorCleanup(
      PlannedBuild b, Optional<Communicator> comm, StepContext buildCtx, boolean interrupted) {
    StepContext ctx = interrupted ? buildCtx.withCancellation(new Cancellation()) : buildCtx;
    ui.emit(
        new Event.Log(
            ui.now(),
            b.buildName(),
            "",
            Event.Level.INFO,
            interrupted
                ? "Provisioning was interrupted: running the cleanup provisioner, if present..."
                : "Provisioning step had errors: Running the cleanup provisioner, if present..."));
    if (b.errorCleanupProvisioner().isEmpty()) {
      return;
    }
    PlannedProvisioner p = b.errorCleanupProvisioner().get();
    try {
      step(
          b.buildName(),
          Event.StepKind.ERROR_CLEANUP,
          p.type(),
          () -> {
            p.plugin().provision(p.config(), comm, ctx);
            return null;
          });
    } catch (Exception e) {
      report(b.buildName(), "The error-cleanup provisioner failed: " + Errors.describe(e));
    }
  }

  /** A step body; may throw anything. */
  private interface Body<T> {
    T run() throws Exception;
  }

  private <T> T step(String build, Event.StepKind kind, String type, Body<T> body)
      throws Exception {
    Instant start = ui.now();
    ui.emit(new Event.StepStarted(start, build, kind, type, ""));
    Optional<String> error = Optional.of("interrupted");
    try {
      T out = body.run();
      error = Optional.empty();
      return out;
    } catch (Exception e) {
      error = Optional.of(Errors.describe(e));
      throw e;
    } finally {
      Duration took = Duration.between(start, ui.now());
      ui.emit(new Event.StepFinished(ui.now(), build, kind, type, "", took, error));
    }
  }

  private void runCleanups(String build, Cleanups cleanups) {
    for (String failure : cleanups.runAll()) {
      report(build, "Cleanup failed: " + failure);
    }
  }

  private void warn(String build, String message) {
    log(build, Event.Level.WARN, message);
  }

  private void log(String build, Event.Level level, String message) {
    ui.emit(new Event.Log(ui.now(), build, "", level, message));
  }

  private void report(String build, String message) {
    ui.emit(new Event.ErrorReported(ui.now(), build, "", message));
  }

  private StepContext context(PlannedBuild b, Cancellation cancellation, Cleanups cleanups) {
    Map<String, String> env = new HashMap<>(opts.env());
    env.put("PACKER_RUN_UUID", opts.runUuid());
    return new StepContext(
        b.buildName(),
        b.sourceType(),
        b.sourceName(),
        templateDir,
        opts.cwd(),
        b.outputDir(opts.cwd()),
        opts.cacheDir(),
        opts.force(),
        opts.offline(),
        opts.sourceDateEpoch(),
        env,
        ui.log(b.buildName(), ""),
        cancellation,
        cleanups,
        opts.processes());
  }
}
