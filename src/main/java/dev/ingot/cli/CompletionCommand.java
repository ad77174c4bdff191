package dev.ingot.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ingot completion bash|zsh}: prints a shell completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = Ingot.Version.class,
    description = "Print a completion script for bash or zsh.",
    footer = {
      "",
      "Examples:",
      "  source <(ingot completion bash)            in ~/.bashrc",
      "  ingot completion zsh > \"$${fpath[1]}/_ingot\"   (or source it in ~/.zshrc)"
    })
public final class CompletionCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  public CompletionCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new UsageException("completion is available for bash and zsh, not '" + shell + "'");
    }
    // picocli's script serves both: under zsh it loads bashcompinit itself.
    env.out().print(AutoComplete.bash("ingot", Ingot.commandLine(env)));
    env.out().flush();
    return 0;
  }
}
