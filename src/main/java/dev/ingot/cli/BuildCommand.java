package dev.ingot.cli;

import dev.ingot.build.Engine;
import dev.ingot.build.OnError;
import dev.ingot.build.RunOptions;
import dev.ingot.build.RunResult;
import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlanLoader;
import dev.ingot.build.plan.PlanValidator;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.build.ui.EventSink;
import dev.ingot.build.ui.JsonSink;
import dev.ingot.build.ui.MachineReadableSink;
import dev.ingot.build.ui.TextSink;
import dev.ingot.build.ui.Ui;
import dev.ingot.diag.Diagnostics;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot build}: runs the builds of a template, with Packer's flags. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    versionProvider = Ingot.Version.class,
    description = {
      "Run the builds of a template (a *.pkr.hcl file or a directory of them).",
      "Builds run in parallel; each prints its lines prefixed with its name. Flags are",
      "Packer's and take one dash or two (-force or --force)."
    },
    footer = {
      "",
      "Examples:",
      "  ingot build .                              every build of the templates here",
      "  ingot build -only='debian.*' -force .      debian builds only; replace outputs",
      "  ingot build -var 'release=bookworm' -var-file=prod.pkrvars.hcl image.pkr.hcl",
      "  ingot build -parallel-builds=1 -on-error=abort image.pkr.hcl",
      "  ingot build --json image.pkr.hcl > events.jsonl",
      "",
      "Exit status: 0 all builds succeeded; 1 a build failed or the template is",
      "invalid; 2 usage error; 130/143 interrupted (SIGINT/SIGTERM)."
    })
public final class BuildCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(index = "0", paramLabel = "TEMPLATE", description = "Template file or directory.")
  Path template;

  @Option(
      names = {"-only", "--only"},
      split = ",",
      paramLabel = "GLOB",
      description = "Run only builds matching these globs (\"null.*\"); comma-separated.")
  List<String> only = new ArrayList<>();

  @Option(
      names = {"-except", "--except"},
      split = ",",
      paramLabel = "GLOB",
      description = "Skip builds and post-processors (by name or type) matching these globs.")
  List<String> except = new ArrayList<>();

  @Option(
      names = {"-parallel-builds", "--parallel-builds"},
      paramLabel = "N",
      defaultValue = "0",
      description = "Run at most N builds at once; 0 (default) for no limit.")
  int parallelBuilds;

  @Option(
      names = {"-on-error", "--on-error"},
      paramLabel = "MODE",
      defaultValue = "cleanup",
      description =
          "When a build fails: cleanup (default) or abort (keep everything for inspection; ask = abort).")
  String onError;

  @Option(
      names = {"-force", "--force"},
      description = "Replace existing output directories.")
  boolean force;

  @Option(
      names = {"-timestamp-ui", "--timestamp-ui"},
      description = "Prefix each line with an RFC 3339 time.")
  boolean timestamps;

  @Option(
      names = {"-machine-readable", "--machine-readable"},
      description = "Packer's machine-readable output.")
  boolean machineReadable;

  @Option(
      names = {"-json", "--json"},
      description = "One JSON event per line (see README, JSON events).")
  boolean json;

  @Option(
      names = {"-color", "--color"},
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description =
          "Colour the output (default: when writing to a terminal and NO_COLOR is unset).")
  Boolean color;

  @Option(
      names = {"-var", "--var"},
      paramLabel = "NAME=VALUE",
      description = "Set a variable; repeatable.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = {"-var-file", "--var-file"},
      paramLabel = "FILE",
      description = "Read variables from a file; repeatable.")
  List<Path> varFiles = new ArrayList<>();

  @Option(
      names = {"--cache-dir", "-cache-dir"},
      paramLabel = "DIR",
      description = "Cache directory (default $XDG_CACHE_HOME/ingot).")
  Path cacheDir;

  @Option(
      names = {"--offline", "-offline"},
      description = "Use only what is in the cache; no network.")
  boolean offline;

  public BuildCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (machineReadable && json) {
      throw new UsageException("-machine-readable and --json cannot be used together");
    }
    OnError mode = onError();
    if (parallelBuilds < 0) {
      throw new UsageException(
          "-parallel-builds must be 0 (no limit) or more, not " + parallelBuilds);
    }
    TemplateOptions.checkArguments(env, template.toString(), vars);
    Path t = env.cwd().resolve(template);
    BuildFilter.Parsed filter = BuildFilter.parse(only, except);
    if (filter.diagnostics().hasErrors()) {
      printDiagnostics(filter.diagnostics());
      return 2;
    }
    PluginRegistry plugins = PluginRegistry.load(BuildCommand.class.getClassLoader());
    Optional<PlanLoader> loader = loaderFor(t);
    if (loader.isEmpty()) {
      env.err().println("Error: no template loader in this build of Ingot reads " + template);
      env.err().println();
      env.err()
          .println(
              "The template language (variables, sources, build blocks) is not part of this build yet.");
      env.err().flush();
      return 1;
    }
    PlanLoader.Loaded loaded =
        loader
            .get()
            .load(
                new PlanLoader.Request(
                    t,
                    env.cwd(),
                    vars,
                    varFiles.stream().map(env.cwd()::resolve).toList(),
                    env.env(),
                    filter.filter(),
                    plugins));
    Diagnostics diags = loaded.diagnostics();
    if (loaded.plan().isPresent()) {
      diags = diags.plus(PlanValidator.validate(loaded.plan().get()));
    }
    if (!diags.isEmpty()) {
      printDiagnostics(diags);
    }
    if (diags.hasErrors()) {
      return 1;
    }
    Plan plan = loaded.plan().orElseThrow();
    if (plan.builds().isEmpty() && (!only.isEmpty() || !except.isEmpty())) {
      // A mistyped -only ran nothing and read as success.
      env.err()
          .println(
              "Warning: no build of "
                  + template
                  + " matches "
                  + (only.isEmpty()
                      ? "-except=" + String.join(",", except)
                      : "-only=" + String.join(",", only))
                  + "; nothing was built (see `ingot inspect` for the build names).");
      env.err().flush();
    }
    return run(plan, mode);
  }

  private int run(Plan plan, OnError mode) {
    RunOptions opts =
        new RunOptions(
            parallelBuilds,
            mode,
            force,
            env.cwd(),
            env.cacheDir(cacheDir),
            offline,
            env.sourceDateEpoch(0),
            env.env(),
            new LocalProcessRunner(),
            null);
    java.util.concurrent.atomic.AtomicReference<Engine> running =
        new java.util.concurrent.atomic.AtomicReference<>();
    EventSink sink =
        new OutputLost(
            sink(),
            env.out(),
            () -> {
              Engine e = running.get();
              if (e != null) {
                e.cancel();
              }
            });
    Ui ui = new Ui(List.of(sink), plan.masker(), Clock.systemUTC());
    Engine engine = new Engine(plan, opts, ui);
    running.set(engine);
    RunResult result = null;
    try (SignalHook hook =
        SignalHook.install(engine::cancel, env.err(), "cancelling builds and cleaning up")) {
      try {
        result = engine.run();
      } catch (RuntimeException e) {
        // As in SignalHook.cancellable: Ctrl-C reaches the whole process group, so a failure that
        // follows a signal is the interruption, not a failure of its own.
        if (hook.signal() == 0) {
          throw e;
        }
      }
      if (hook.signal() != 0) {
        return 128 + hook.signal();
      }
    }
    env.out().flush();
    return result.exitCode();
  }

  private OnError onError() {
    return switch (onError) {
      case "cleanup" -> OnError.CLEANUP;
      case "abort" -> OnError.ABORT;
      case "ask" -> {
        env.err()
            .println(
                "Note: -on-error=ask is not supported; using abort (nothing is cleaned up after a failure).");
        yield OnError.ABORT;
      }
      default ->
          throw new UsageException("-on-error must be cleanup or abort, not '" + onError + "'");
    };
  }

  private EventSink sink() {
    if (json) {
      return new JsonSink(env.out());
    }
    if (machineReadable) {
      return new MachineReadableSink(env.out());
    }
    boolean tty = Terminal.isTerminal();
    boolean useColor =
        color != null
            ? color
            : tty && !env.env().containsKey("NO_COLOR") && !"dumb".equals(env.env().get("TERM"));
    return new TextSink(env.out(), useColor, timestamps, tty);
  }

  private void printDiagnostics(Diagnostics diags) {
    CliDiagnostics.print(diags, env);
  }

  private static Optional<PlanLoader> loaderFor(Path t) {
    for (PlanLoader l : ServiceLoader.load(PlanLoader.class, BuildCommand.class.getClassLoader())) {
      if (l.accepts(t)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
