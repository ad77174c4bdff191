package dev.ingot.cli;

import java.lang.reflect.Constructor;
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

  public Ingot(CliEnv env) {
    this.env = env;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(env.out());
    env.out().flush();
  }

  /** Runs {@code ingot args…} and returns the exit code: 0 ok, 1 failure, 2 usage error. */
  public static int run(CliEnv env, String... args) {
    CommandLine cl = commandLine(env);
    int code = cl.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  static CommandLine commandLine(CliEnv env) {
    CommandLine.IFactory factory = new EnvFactory(env);
    CommandLine cl = new CommandLine(new Ingot(env), factory);
    for (Class<?> c : Commands.ALL) {
      cl.addSubcommand(createOrFail(factory, c));
    }
    cl.setOut(env.out()).setErr(env.err());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof UsageException) {
            env.err().println("Error: " + ex.getMessage());
            return 2;
          }
          env.err().println("Error: " + ex.getMessage());
          return 1;
        });
    return cl;
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
