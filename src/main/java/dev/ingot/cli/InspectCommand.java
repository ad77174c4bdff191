package dev.ingot.cli;

import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.build.plan.TemplatePlans;
import dev.ingot.diag.DiagnosticPrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ingot inspect}: what a template declares and would build, laid out like {@code packer
 * inspect} — input variables with their values (sensitive ones as {@code <sensitive>}), types and
 * descriptions, locals, sources, and each build with its sources, provisioners and post-processor
 * chains. Exit 1 (with the diagnostics) when the template has errors.
 */
@Command(
    name = "inspect",
    description = "Show a template's variables, locals, sources and builds.",
    mixinStandardHelpOptions = true)
public final class InspectCommand implements Callable<Integer> {
  private final CliEnv env;

  @Mixin private TemplateOptions template = new TemplateOptions();

  public InspectCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    BuildFilter.Parsed filter = template.filter();
    if (filter.diagnostics().hasErrors()) {
      CliDiagnostics.print(filter.diagnostics(), env);
      return 2;
    }
    TemplatePlans.Outcome o =
        TemplatePlans.load(
            template.request(env),
            PluginRegistry.load(InspectCommand.class.getClassLoader()),
            filter.filter());
    if (!o.diagnostics().isEmpty()) {
      env.err()
          .print(
              new DiagnosticPrinter(o.sources(), DiagnosticPrinter.Options.PLAIN)
                  .format(o.diagnostics()));
      env.err().flush();
    }
    if (o.template().isEmpty() || o.plan().isEmpty()) {
      return 1;
    }
    Plan plan = o.plan().get();
    PluginRegistry plugins = PluginRegistry.load(InspectCommand.class.getClassLoader());
    String text = new InspectReport(o.template().get(), plan, plugins).render();
    Masker masker = plan.masker();
    env.out().print(masker.mask(text));
    env.out().flush();
    return 0;
  }
}
