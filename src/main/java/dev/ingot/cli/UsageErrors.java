package dev.ingot.cli;

import dev.ingot.diag.Suggest;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse, told in one line with "Did you mean" and where help is, exit
 * 2: {@code Error: unknown command 'biuld'. Did you mean 'build'? See 'ingot --help'.} Stateless
 * apart from the streams it prints to.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  private final CliEnv env;

  UsageErrors(CliEnv env) {
    this.env = env;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    CommandLine root = cmd;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    // `ingot foo build`: picocli passes over the unknown word and reports what build lacks.
    if (root != cmd
        && args.length > 0
        && !args[0].startsWith("-")
        && !root.getSubcommands().containsKey(args[0])) {
      env.err()
          .println(
              "Error: unknown command '"
                  + args[0]
                  + "'."
                  + didYouMean(args[0], List.copyOf(root.getSubcommands().keySet()))
                  + " See '"
                  + root.getCommandSpec().qualifiedName()
                  + " --help'.");
      env.err().flush();
      return 2;
    }
    CommandSpec spec = cmd.getCommandSpec();
    env.err().println("Error: " + message(ex, cmd) + " See '" + spec.qualifiedName() + " --help'.");
    env.err().flush();
    return 2;
  }

  static String message(ParameterException ex, CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().getFirst();
      if (first.startsWith("-")) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return "unknown option '"
            + name
            + "' for '"
            + spec.qualifiedName()
            + "'."
            + didYouMean(name, List.copyOf(spec.optionsMap().keySet()));
      }
      if (!cmd.getSubcommands().isEmpty()) {
        return "unknown command '"
            + first
            + "'."
            + didYouMean(first, List.copyOf(cmd.getSubcommands().keySet()));
      }
      return "unexpected argument '" + first + "' for '" + spec.qualifiedName() + "'.";
    }
    String m =
        ex.getMessage() == null
            ? "invalid command line"
            : ex.getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
    m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    return m.endsWith(".") ? m : m + ".";
  }

  private static String didYouMean(String typed, List<String> candidates) {
    Optional<String> s = Suggest.closest(typed, candidates);
    return s.map(x -> " Did you mean '" + x + "'?").orElse("");
  }
}
