package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.SourceSet;
import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.Loaded;
import dev.ingot.template.load.TemplateLoader;
import dev.ingot.template.model.Template;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code ingot validate}, {@code inspect} and {@code build} do before running: load the
 * template, plan it, run the plugin-aware checks ({@link PlanValidator}). Diagnostics have every
 * sensitive value masked. Stateless and thread-safe.
 */
public final class TemplatePlans {
  /**
   * The template and plan (each absent when there are errors at that stage), all diagnostics
   * (masked), the sources for printing them, and the masker for everything else.
   */
  public record Outcome(
      Optional<Template> template,
      Optional<Plan> plan,
      Diagnostics diagnostics,
      SourceSet sources,
      Masker masker) {}

  private TemplatePlans() {}

  /** Loads, plans and runs {@link PlanValidator}. */
  public static Outcome load(LoadRequest req, PluginRegistry plugins, BuildFilter filter) {
    return load(req, plugins, filter, true);
  }

  /**
   * Loads and plans; {@code checkPlan} also runs {@link PlanValidator} (the {@link PlanLoader}
   * leaves that to its caller, which runs it itself).
   */
  public static Outcome load(
      LoadRequest req, PluginRegistry plugins, BuildFilter filter, boolean checkPlan) {
    Loaded loaded = TemplateLoader.standard().load(req);
    Masker masker = Masker.of(loaded.secrets());
    Diagnostics diags = loaded.diagnostics();
    Optional<Plan> plan = Optional.empty();
    if (loaded.template().isPresent()) {
      TemplatePlanner.Result r =
          TemplatePlanner.plan(
              loaded.template().get(),
              req.packerVersion(),
              loaded.functions(),
              loaded.functionContext(),
              plugins,
              filter);
      diags = diags.plus(r.diagnostics());
      plan = r.plan();
      if (plan.isPresent()) {
        masker = plan.get().masker();
      }
      if (plan.isPresent() && checkPlan) {
        Diagnostics checks = PlanValidator.validate(plan.get());
        diags = diags.plus(checks);
        if (checks.hasErrors()) {
          plan = Optional.empty();
        }
      }
    }
    return new Outcome(loaded.template(), plan, mask(diags, masker), loaded.sources(), masker);
  }

  /** {@code diags} with every secret in their texts replaced by {@code <sensitive>}. */
  public static Diagnostics mask(Diagnostics diags, Masker masker) {
    if (masker.isEmpty()) {
      return diags;
    }
    List<Diagnostic> out =
        diags.all().stream()
            .map(
                d ->
                    new Diagnostic(
                        d.severity(),
                        masker.mask(d.summary()),
                        masker.mask(d.detail()),
                        d.subject()))
            .toList();
    return new Diagnostics(out);
  }
}
