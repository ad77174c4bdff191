package dev.ingot.cli;

import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Cancellation;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command and the wiring of subcommands, exception handling and exit codes. */
@Command(
    name = "ingot",
    mixinStandardHelpOptions = true,
    versionProvider = Ingot.Version.class,
    description = "Bakes golden images from Packer-style HCL2 templates.",
    subcommandsRepeatable = false)
public final class Ingot implements Runnable {
  public static final String VERSION = "0.1.0";

  /** The Packer version whose template language we follow (for {@code required_version}). */
  public static final String PACKER_COMPAT = dev.ingot.template.load.TemplateLoader.PACKER_VERSION;

  private final CliEnv env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public Ingot(CliEnv env) {
    this.env = env;
  }

  @Override
  public void run() {
    // `ingot` alone: the usage with every command (the tree of a run without arguments has them
    // all), as `ingot --help` shows it.
    spec.commandLine().usage(env.out());
    env.out().flush();
  }

  /** Runs {@code ingot args…} and returns the exit code: 0 ok, 1 failure, 2 usage error. */
  public static int run(CliEnv env, String... args) {
    CommandLine cl = commandLine(env, args);
    int code = cl.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  /** The full command tree (for help and shell completion). */
  static CommandLine commandLine(CliEnv env) {
    return commandLine(env, new String[0]);
  }

  /**
   * The command tree for {@code args}: when the first argument names a subcommand only that one is
   * built, because building every command's picocli model costs a large part of start-up.
   */
  static CommandLine commandLine(CliEnv env, String[] args) {
    CommandLine.IFactory factory = new EnvFactory(env);
    CommandLine cl = new CommandLine(new Ingot(env), factory);
    for (Class<?> c : selected(args)) {
      cl.addSubcommand(createOrFail(factory, c));
    }
    CommandExamples.complete(cl);
    // An empty argument would be the current directory (`--cache-dir ''` made the cache there,
    // `-o ''` said "cannot write : … is a directory"): almost always an unset shell variable.
    cl.registerConverter(
        Path.class,
        s -> {
          if (s.isEmpty()) {
            throw new CommandLine.TypeConversionException(
                "an empty path names no file (an unset shell variable?): give a path");
          }
          return Path.of(s);
        });
    cl.setOut(env.out()).setErr(env.err());
    cl.setParameterExceptionHandler(new UsageErrors(env));
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          int code = failed(env, ex);
          // Where exit 1 is an answer (outdated: there are updates), a failure must not say it.
          return code == 1 && cmd.getCommand() instanceof ExitOneIsAnAnswer ? 2 : code;
        });
    return cl;
  }

  /**
   * What a command's exception means to the user: diagnostics are printed like validate's, I/O and
   * usage problems exit 2, cancellation 130. Anything else is a failure whose message is shown
   * without a stack trace unless INGOT_DEBUG is set.
   */
  private static int failed(CliEnv env, Exception ex) {
    if (ex instanceof DiagnosticsException d) {
      CliDiagnostics.print(d.diagnostics(), env);
      return 1;
    }
    if (ex instanceof Cancellation.CancelledException) {
      env.err().println("Interrupted: " + ex.getMessage());
      return 130;
    }
    String msg = dev.ingot.plugin.IoMessages.describe(ex);
    env.err().println("Error: " + msg);
    if (env.env().containsKey("INGOT_DEBUG")) {
      ex.printStackTrace(env.err());
    }
    boolean usageOrIo =
        ex instanceof UsageException
            || ex instanceof java.io.IOException
            || ex instanceof java.io.UncheckedIOException;
    return usageOrIo ? 2 : 1;
  }

  /**
   * A command whose exit status 1 is a result a script acts on, not a failure: its failures exit 2,
   * as its usage errors do.
   */
  interface ExitOneIsAnAnswer {}

  private static List<Class<?>> selected(String[] args) {
    if (args.length == 0) {
      return Commands.ALL;
    }
    for (Class<?> c : Commands.ALL) {
      Command a = c.getAnnotation(Command.class);
      if (a != null && (a.name().equals(args[0]) || List.of(a.aliases()).contains(args[0]))) {
        return List.of(c);
      }
    }
    return Commands.ALL;
  }

  private static Object createOrFail(CommandLine.IFactory f, Class<?> c) {
    try {
      return f.create(c);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create command " + c.getName(), e);
    }
  }

  /** Creates commands with a {@link CliEnv} constructor when they have one. */
  private record EnvFactory(CliEnv env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getConstructor(CliEnv.class);
        return c.newInstance(env);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** {@code ingot --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Ingot " + VERSION};
    }
  }
}
