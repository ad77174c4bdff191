package dev.ingot.cli;

import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingot init NAME}: writes {@code NAME.pkr.hcl} from a built-in example, with NAME as the
 * source and build name. Never overwrites a file; the template is written to a temporary sibling
 * and renamed when complete.
 */
@Command(
    name = "init",
    description = "Write a starter template NAME.pkr.hcl from a built-in example.",
    mixinStandardHelpOptions = true)
public final class InitCommand implements Callable<Integer> {
  /** The built-in examples, each a resource under dev/ingot/cli/init/. */
  enum Example {
    basic
  }

  private final CliEnv env;

  @Parameters(
      paramLabel = "NAME",
      description =
          "Name of the template, its source and its build (letters, digits, '_' and '-'); "
              + "NAME.pkr.hcl is written in the current directory.")
  private String name;

  @Option(
      names = "--example",
      paramLabel = "EXAMPLE",
      defaultValue = "basic",
      description =
          "The example to start from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Example example;

  public InitCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    String base = name.endsWith(".pkr.hcl") ? name.substring(0, name.length() - 8) : name;
    if (!base.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new UsageException(
          "the template name '"
              + name
              + "' must start with a letter and hold only letters, digits, '_' and '-'"
              + " (it names the source and the build too)");
    }
    Path target = env.cwd().resolve(base + ".pkr.hcl");
    if (Files.exists(target)) {
      env.err().println("Error: " + target + " already exists; ingot init does not overwrite it.");
      return 1;
    }
    String text = example(example).replace("NAME", base);
    try (AtomicOutput out = AtomicOutput.file(target)) {
      Files.writeString(out.path(), text, StandardCharsets.UTF_8);
      out.commit(false);
    }
    env.out().println("Wrote " + env.cwd().relativize(target) + " (example \"" + example + "\").");
    env.out().println("Next: ingot validate " + env.cwd().relativize(target));
    return 0;
  }

  /** The text of a built-in example, with NAME where the template's name goes. */
  static String example(Example e) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + e + ".pkr.hcl")) {
      if (in == null) {
        throw new IllegalStateException("example " + e + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
