package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Plugin;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.template.eval.EvalContext;
import dev.ingot.template.fn.FunctionContext;
import dev.ingot.template.fn.Functions;
import dev.ingot.template.hcl.Body;
import dev.ingot.template.load.BodyEvaluator;
import dev.ingot.template.load.Dedup;
import dev.ingot.template.load.EvaluatedBody;
import dev.ingot.template.load.Secrets;
import dev.ingot.template.model.BuildDecl;
import dev.ingot.template.model.PluginBlock;
import dev.ingot.template.model.SourceDecl;
import dev.ingot.template.model.SourceRef;
import dev.ingot.template.model.Template;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a loaded {@link Template} into a {@link Plan}: one {@link PlannedBuild} per build and
 * source, with the source's body (filled in by the build-level source block) and every provisioner
 * and post-processor body evaluated where {@code source.name}, {@code source.type} and {@code
 * build.name} are known, checked against the plugin's schema, and provisioner/post-processor {@code
 * only}/{@code except} applied. -only/-except leave out whole builds before anything of them is
 * evaluated, as in Packer. The plan's masker hides every sensitive value. Stateless.
 */
public final class TemplatePlanner {
  /** The plan (absent when there are errors) and every problem found. */
  public record Result(Optional<Plan> plan, Diagnostics diagnostics) {}

  /** The block a source may hold to customize its root filesystem. */
  private static final String CUSTOMIZE = "customize";

  private final Template template;
  private final PluginRegistry plugins;
  private final EvalContext base;
  private final List<Diagnostic> diags = new ArrayList<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  private TemplatePlanner(Template t, Functions fns, FunctionContext fc, PluginRegistry plugins) {
    this.template = t;
    this.plugins = plugins;
    Map<String, Value> vars = new LinkedHashMap<>();
    vars.put("var", Value.object(t.variableValues()));
    vars.put("local", Value.object(t.localValues()));
    vars.put(
        "path",
        Value.object(
            Map.of(
                "root", Value.string(t.rootDir().toString()),
                "cwd", Value.string(fc.cwd().toString()))));
    this.base = EvalContext.of(vars, fns, fc);
  }

  /**
   * Plans {@code t}; {@code packerVersion} is what {@code packer.version} gives, {@code fns} and
   * {@code fc} the functions and their context (from the loader).
   */
  public static Result plan(
      Template t,
      String packerVersion,
      Functions fns,
      FunctionContext fc,
      PluginRegistry plugins,
      BuildFilter filter) {
    TemplatePlanner p = new TemplatePlanner(t, fns, fc, plugins);
    return p.run(packerVersion, filter);
  }

  private Result run(String packerVersion, BuildFilter filter) {
    EvalContext ctx =
        base.withVariable("packer", Value.object(Map.of("version", Value.string(packerVersion))));
    secrets.addAll(Secrets.of(template.variableValues().values()));
    secrets.addAll(Secrets.of(template.localValues().values()));
    Map<SourceRef, SourcePlugin> sourcePlugins = new LinkedHashMap<>();
    for (SourceDecl s : template.sources().values()) {
      PluginRegistry.Lookup<SourcePlugin> l = plugins.source(s.ref().type(), s.typeRange());
      l.diagnostic().ifPresent(diags::add);
      l.plugin().ifPresent(p -> sourcePlugins.put(s.ref(), p));
    }
    List<PlannedBuild> builds = new ArrayList<>();
    for (BuildDecl b : template.builds()) {
      for (BuildDecl.BuildSource s : b.sources()) {
        String fullName = (b.name().isEmpty() ? "" : b.name() + ".") + s.runAs();
        if (!filter.includesBuild(fullName)) {
          continue;
        }
        SourcePlugin plugin = sourcePlugins.get(s.ref());
        planBuild(b, s, fullName, plugin, ctx).ifPresent(builds::add);
      }
    }
    List<Diagnostic> all = Dedup.of(diags);
    Diagnostics d = new Diagnostics(all);
    if (d.hasErrors()) {
      return new Result(Optional.empty(), d);
    }
    Plan plan = new Plan(builds, Masker.of(secrets), template.rootDir());
    return new Result(Optional.of(filter.apply(plan)), d);
  }

  private Optional<PlannedBuild> planBuild(
      BuildDecl b, BuildDecl.BuildSource s, String fullName, SourcePlugin plugin, EvalContext ctx) {
    SourceRef run = s.runAs();
    EvalContext c =
        ctx.withVariable(
                "source",
                Value.object(
                    Map.of("name", Value.string(run.name()), "type", Value.string(run.type()))))
            .withVariable("build", Value.object(Map.of("name", Value.string(b.name()))));
    SourceDecl decl = template.sources().get(s.ref());
    List<Body> bodies = new ArrayList<>();
    bodies.add(decl.block().body());
    s.overrides().ifPresent(o -> bodies.add(o.body()));
    EvaluatedBody evaluated =
        BodyEvaluator.evaluate(bodies, Set.of("name"), decl.block().range(), c, Map.of(), diags);
    // A source's own customize blocks (unless the plugin has an argument of that name) are the
    // customize post-processor, checked against its schema and run right after the source.
    boolean customizes = plugin != null && plugin.schema().arg(CUSTOMIZE).isEmpty();
    List<EvaluatedBody> customizeBodies =
        customizes ? evaluated.blocks().getOrDefault(CUSTOMIZE, List.of()) : List.of();
    if (customizes && evaluated.attributes().containsKey(CUSTOMIZE)) {
      diags.add(
          Diagnostic.error(
              "Unsupported argument",
              "An argument named \""
                  + CUSTOMIZE
                  + "\" is not expected here. Did you mean to define a block of type \""
                  + CUSTOMIZE
                  + "\"? Write it without the equals sign: customize { hostname = \"…\" }.",
              evaluated.attributes().get(CUSTOMIZE).nameRange()));
    }
    EvaluatedBody sourceBody = customizes ? without(evaluated, CUSTOMIZE) : evaluated;
    Optional<SchemaChecker.Checked> sourceConfig =
        Optional.ofNullable(plugin).map(p -> check(p, sourceBody, Set.of()));
    List<PlannedPostProcessor> customizations = new ArrayList<>();
    for (EvaluatedBody cb : customizeBodies) {
      customization(cb).ifPresent(customizations::add);
    }
    List<PlannedProvisioner> provs = new ArrayList<>();
    for (PluginBlock p : b.provisioners()) {
      provisioner(p, c, run).ifPresent(provs::add);
    }
    Optional<PlannedProvisioner> cleanup =
        b.errorCleanupProvisioner().flatMap(p -> provisioner(p, c, run));
    List<List<PlannedPostProcessor>> chains = new ArrayList<>();
    for (List<PluginBlock> chain : b.chains()) {
      List<PlannedPostProcessor> steps = new ArrayList<>();
      for (PluginBlock p : chain) {
        postProcessor(p, c, run).ifPresent(steps::add);
      }
      chains.add(steps);
    }
    if (plugin == null || sourceConfig.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlannedBuild(
            fullName,
            b.description(),
            run.type(),
            run.name(),
            plugin,
            sourceConfig.get().config(),
            customizations,
            provs,
            cleanup,
            chains,
            s.range()));
  }

  /** {@code body} without the blocks and the argument named {@code name}. */
  private static EvaluatedBody without(EvaluatedBody body, String name) {
    Map<String, EvaluatedBody.Attr> attributes = new LinkedHashMap<>(body.attributes());
    attributes.remove(name);
    Map<String, List<EvaluatedBody>> blocks = new LinkedHashMap<>(body.blocks());
    blocks.remove(name);
    return new EvaluatedBody(attributes, blocks, body.range());
  }

  /** A source's {@code customize} block as the post-processor of that name. */
  private Optional<PlannedPostProcessor> customization(EvaluatedBody body) {
    PluginRegistry.Lookup<PostProcessorPlugin> l = plugins.postProcessor(CUSTOMIZE, body.range());
    l.diagnostic().ifPresent(diags::add);
    return l.plugin()
        .map(
            p ->
                new PlannedPostProcessor(
                    CUSTOMIZE, "", p, check(p, body, Set.of()).config(), false, body.range()));
  }

  /** A provisioner or post-processor block read for one build: its settings and checked config. */
  private record Step<P extends Plugin>(StepSettings settings, P plugin, Config config) {}

  /**
   * Evaluates a step's block, reads Packer's own settings, finds the plugin and checks the rest
   * against its schema; empty when the plugin is unknown or the step is left out of this build.
   */
  private <P extends Plugin> Optional<Step<P>> step(
      PluginBlock p,
      EvalContext c,
      SourceRef run,
      Set<String> settingNames,
      java.util.function.BiFunction<String, dev.ingot.diag.Range, PluginRegistry.Lookup<P>> find) {
    EvaluatedBody body = BodyEvaluator.evaluate(p.block(), c, p.bindings(), diags);
    StepSettings settings = StepSettings.read(body, settingNames, diags);
    PluginRegistry.Lookup<P> l = find.apply(p.type(), p.typeRange());
    l.diagnostic().ifPresent(diags::add);
    if (l.plugin().isEmpty()) {
      return Optional.empty();
    }
    // Checked even when skipped here, so that a step for other sources only is still validated.
    SchemaChecker.Checked checked = check(l.plugin().get(), body, settingNames);
    if (settings.skips(run.toString())) {
      return Optional.empty();
    }
    return Optional.of(new Step<>(settings, l.plugin().get(), checked.config()));
  }

  private Optional<PlannedProvisioner> provisioner(PluginBlock p, EvalContext c, SourceRef run) {
    return this.<ProvisionerPlugin>step(p, c, run, StepSettings.PROVISIONER, plugins::provisioner)
        .map(
            s ->
                new PlannedProvisioner(
                    p.type(),
                    s.plugin(),
                    s.config(),
                    s.settings().pauseBefore(),
                    s.settings().maxRetries(),
                    s.settings().timeout(),
                    p.range()));
  }

  private Optional<PlannedPostProcessor> postProcessor(
      PluginBlock p, EvalContext c, SourceRef run) {
    return this.<PostProcessorPlugin>step(
            p, c, run, StepSettings.POST_PROCESSOR, plugins::postProcessor)
        .map(
            s ->
                new PlannedPostProcessor(
                    p.type(),
                    s.settings().name(),
                    s.plugin(),
                    s.config(),
                    s.settings().keepInputArtifact(),
                    p.range()));
  }

  /**
   * Warns about sensitive arguments written as literals: a password in a template ends up in
   * version control. (The value is masked in every output either way.)
   */
  private void literalSecrets(dev.ingot.plugin.Schema schema, EvaluatedBody body) {
    body.attributes()
        .forEach(
            (name, a) ->
                schema
                    .arg(name)
                    .filter(arg -> arg.sensitive() && a.constant())
                    .filter(arg -> filled(a.value()))
                    .ifPresent(
                        arg ->
                            diags.add(
                                Diagnostic.warning(
                                    "Secret written in the template",
                                    "The value of \""
                                        + name
                                        + "\" is sensitive but written out here, so it ends up"
                                        + " wherever the template is kept. Use a sensitive"
                                        + " variable instead and set it from the environment"
                                        + " (PKR_VAR_NAME) or a var file kept out of version"
                                        + " control.",
                                    a.valueRange()))));
    body.blocks()
        .forEach(
            (name, blocks) ->
                schema
                    .arg(name)
                    .filter(dev.ingot.plugin.Arg::block)
                    .ifPresent(
                        arg -> {
                          dev.ingot.plugin.Schema inner =
                              switch (arg.type()) {
                                case dev.ingot.plugin.ArgType.Obj o -> o.schema();
                                case dev.ingot.plugin.ArgType.ListOf(
                                        dev.ingot.plugin.ArgType.Obj o) ->
                                    o.schema();
                                default -> null;
                              };
                          if (inner != null) {
                            blocks.forEach(b -> literalSecrets(inner, b));
                          }
                        }));
  }

  private static boolean filled(Value v) {
    return v.isKnown()
        && !v.isNull()
        && !(v.type() == dev.ingot.template.value.Type.STRING && v.unmark().asString().isBlank());
  }

  private SchemaChecker.Checked check(Plugin plugin, EvaluatedBody body, Set<String> skip) {
    literalSecrets(plugin.schema(), body);
    SchemaChecker.Checked checked = SchemaChecker.check(plugin.schema(), RawBodies.of(body), skip);
    diags.addAll(checked.diagnostics().all());
    secrets.addAll(checked.sensitiveValues());
    secrets.addAll(RawBodies.secrets(body));
    return checked;
  }
}
