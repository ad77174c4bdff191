package dev.ingot.build;

import dev.ingot.artifact.Artifact;
import dev.ingot.build.BuildResult.Produced;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.Ui;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.KeptOnFailure;
import dev.ingot.plugin.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the post-processor chains of a build with Packer's keep_input_artifact rules: every chain
 * starts from the build's artifact, which is kept when there are no chains or when the first step
 * of some chain keeps its input; inside a chain an input that is not kept is dropped. A failed step
 * stops its chain (the others still run) and fails the build. Dropped artifacts' files are deleted
 * when they lie in the build's output directory and no kept artifact lists them.
 */
final class ChainRunner {
  /**
   * The kept artifacts in Packer's order, the chain errors, and the files that explain them ({@link
   * KeptOnFailure}), to be kept when the failed build's outputs are removed.
   */
  record Outcome(List<Produced> artifacts, List<String> errors, List<Path> keptOnFailure) {}

  private final Ui ui;

  ChainRunner(Ui ui) {
    this.ui = ui;
  }

  Outcome run(
      String build, Produced built, List<List<PlannedPostProcessor>> chains, StepContext ctx) {
    boolean keepOriginal = chains.isEmpty();
    List<Produced> results = new ArrayList<>();
    List<Produced> dropped = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Path> explained = new ArrayList<>();
    for (List<PlannedPostProcessor> chain : chains) {
      Produced prior = built;
      boolean completed = true;
      for (int i = 0; i < chain.size(); i++) {
        ctx.cancellation().check();
        PlannedPostProcessor pp = chain.get(i);
        Produced out;
        try {
          out = new Produced(pp.type(), step(build, pp, prior.artifact(), ctx));
        } catch (Cancellation.CancelledException e) {
          throw e;
        } catch (Exception e) {
          String msg = "Post-processor failed: " + Errors.describe(e);
          ui.emit(new Event.ErrorReported(ui.now(), build, pp.type(), msg));
          errors.add(msg);
          if (e instanceof KeptOnFailure k) {
            explained.addAll(k.keptFiles());
          }
          completed = false;
          break;
        }
        boolean keep = pp.keepInputArtifact() || pp.plugin().keepsInputArtifact();
        if (i == 0) {
          keepOriginal |= keep;
        } else if (keep) {
          results.add(prior);
        } else {
          dropped.add(prior);
        }
        prior = out;
      }
      if (completed) {
        results.add(prior);
      }
    }
    List<Produced> kept = new ArrayList<>();
    if (keepOriginal) {
      kept.add(built);
    } else {
      dropped.add(built);
    }
    kept.addAll(results);
    dispose(dropped, kept, ctx);
    return new Outcome(kept, errors, explained);
  }

  private Artifact step(String build, PlannedPostProcessor pp, Artifact input, StepContext ctx)
      throws Exception {
    Instant start = ui.now();
    ui.emit(
        new Event.StepStarted(start, build, Event.StepKind.POST_PROCESSOR, pp.type(), pp.name()));
    StepContext own = ctx.withLog(ui.log(build, pp.type()));
    try {
      Artifact out = pp.plugin().process(pp.config(), input, own);
      if (out == null) {
        throw new BuildException("post-processor " + pp.type() + " returned no artifact");
      }
      finished(build, pp, start, null);
      return out;
    } catch (Exception e) {
      finished(build, pp, start, e);
      throw e;
    }
  }

  private void finished(String build, PlannedPostProcessor pp, Instant start, Exception e) {
    ui.emit(
        new Event.StepFinished(
            ui.now(),
            build,
            Event.StepKind.POST_PROCESSOR,
            pp.type(),
            pp.name(),
            Duration.between(start, ui.now()),
            java.util.Optional.ofNullable(e).map(Errors::describe)));
  }

  private void dispose(List<Produced> dropped, List<Produced> kept, StepContext ctx) {
    Set<Path> keep = new HashSet<>();
    kept.forEach(
        p ->
            p.artifact()
                .files()
                .forEach(f -> keep.add(ctx.cwd().resolve(f).toAbsolutePath().normalize())));
    Path out = ctx.outputDir().toAbsolutePath().normalize();
    for (Produced p : dropped) {
      for (Path f : p.artifact().files()) {
        Path abs = ctx.cwd().resolve(f).toAbsolutePath().normalize();
        if (abs.startsWith(out) && !keep.contains(abs)) {
          try {
            Files.deleteIfExists(abs);
          } catch (IOException e) {
            ctx.log().warn("Could not delete " + abs + ": " + e.getMessage());
          }
        }
      }
    }
  }
}
