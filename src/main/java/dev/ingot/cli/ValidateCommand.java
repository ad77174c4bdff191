package dev.ingot.cli;

import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.build.plan.TemplatePlans;
import dev.ingot.diag.DiagnosticJson;
import dev.ingot.diag.DiagnosticPrinter;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.SourceSet;
import dev.ingot.template.hcl.BlockContext;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.load.TemplateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ingot validate}: everything short of building — syntax, variables and their validation
 * rules, locals, references, every plugin block against its schema, plugin checks and the artifact
 * types of post-processor chains. Exit 0 when valid, 1 with errors, 2 for usage mistakes.
 */
@Command(
    name = "validate",
    description = "Check a template: syntax, variables, references, plugin arguments and chains.",
    mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {
  private final CliEnv env;

  @Mixin private TemplateOptions template = new TemplateOptions();

  @Option(
      names = {"-syntax-only", "--syntax-only"},
      description = "Only check that the files parse.")
  private boolean syntaxOnly;

  @Option(
      names = {"-json", "--json"},
      description = "Print the result and diagnostics as JSON on stdout.")
  private boolean json;

  public ValidateCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    try {
      return validate();
    } catch (UsageException e) {
      if (!json) {
        throw e;
      }
      // A JSON reader gets JSON for this too (it got an empty standard output).
      Diagnostics d =
          Diagnostics.of(
              dev.ingot.diag.Diagnostic.error("Invalid command line", e.getMessage(), null));
      env.out().println(json(false, d, SourceSet.empty()));
      env.out().flush();
      return 2;
    }
  }

  private int validate() throws IOException {
    Diagnostics diags;
    SourceSet sources;
    if (syntaxOnly) {
      SourceSet[] s = {SourceSet.empty()};
      diags = syntax(s);
      sources = s[0];
    } else {
      BuildFilter.Parsed filter = template.filter();
      TemplatePlans.Outcome o =
          filter.diagnostics().hasErrors()
              ? null
              : TemplatePlans.load(
                  template.request(env),
                  PluginRegistry.load(ValidateCommand.class.getClassLoader()),
                  filter.filter());
      diags = o == null ? filter.diagnostics() : o.diagnostics();
      sources = o == null ? SourceSet.empty() : o.sources();
    }
    boolean valid = !diags.hasErrors();
    if (json) {
      env.out().println(json(valid, diags, sources));
    } else {
      if (!diags.isEmpty()) {
        env.err()
            .print(new DiagnosticPrinter(sources, DiagnosticPrinter.Options.PLAIN).format(diags));
      }
      if (valid) {
        env.out().println(syntaxOnly ? "Syntax-only check passed." : "The configuration is valid.");
      }
    }
    env.out().flush();
    env.err().flush();
    return valid ? 0 : 1;
  }

  private Diagnostics syntax(SourceSet[] sources) throws IOException {
    List<dev.ingot.diag.Diagnostic> diags = new ArrayList<>();
    TemplateOptions.checkArguments(env, template.template, List.of());
    var found = TemplateFiles.find(template.template, env.cwd(), diags);
    if (found.isEmpty()) {
      return new Diagnostics(diags);
    }
    List<TemplateFiles.SourcePath> files = new ArrayList<>(found.get().templates());
    files.addAll(found.get().autoVarFiles());
    for (TemplateFiles.SourcePath p : files) {
      if (!p.name().endsWith(".hcl")) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(p.path());
      HclParser.ParseResult r = HclParser.parse(bytes, p.name());
      sources[0] = sources[0].with(p.name(), bytes, BlockContext.of(r.body()));
      diags.addAll(r.diagnostics().all());
    }
    return new Diagnostics(diags);
  }

  private static String json(boolean valid, Diagnostics diags, SourceSet sources) {
    long errors = diags.errors().size();
    long warnings = diags.all().size() - errors;
    return "{\"valid\":"
        + valid
        + ",\"error_count\":"
        + errors
        + ",\"warning_count\":"
        + warnings
        + ",\"diagnostics\":"
        + DiagnosticJson.write(diags, sources)
        + "}";
  }
}
