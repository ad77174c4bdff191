package dev.ingot.cli;

import dev.ingot.build.plan.BuildFilter;
import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The template, variable and build-selection options that validate and inspect share with build
 * (same spellings as Packer: {@code -var}, {@code -var-file}, {@code -only}, {@code -except}).
 */
final class TemplateOptions {
  @Parameters(
      index = "0",
      paramLabel = "TEMPLATE",
      description = "Template file (*.pkr.hcl) or directory of them.")
  String template;

  @Option(
      names = {"-var", "--var"},
      paramLabel = "NAME=VALUE",
      description = "Set a variable; repeatable. Lists, maps and objects are HCL expressions.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = {"-var-file", "--var-file"},
      paramLabel = "FILE",
      description = "Read variables from a .pkrvars.hcl or .pkrvars.json file; repeatable.")
  List<String> varFiles = new ArrayList<>();

  @Option(
      names = {"-only", "--only"},
      split = ",",
      paramLabel = "GLOB",
      description = "Only these builds (globs such as null.*).")
  List<String> only = new ArrayList<>();

  @Option(
      names = {"-except", "--except"},
      split = ",",
      paramLabel = "GLOB",
      description = "All builds but these.")
  List<String> except = new ArrayList<>();

  LoadRequest request(CliEnv env) {
    checkArguments(env, template, vars);
    return new LoadRequest(
        template, env.cwd(), vars, varFiles, env.env(), TemplateLoader.PACKER_VERSION, null);
  }

  /**
   * The usage errors validate, inspect and build share, found before anything is read: a missing
   * template and a -var without NAME=: one message and exit 2 from every command.
   */
  static void checkArguments(CliEnv env, String template, List<String> vars) {
    for (String v : vars) {
      try {
        dev.ingot.template.load.VarFlag.parse(v);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (!java.nio.file.Files.exists(env.cwd().resolve(template))) {
      throw new UsageException("there is no template file or directory " + template);
    }
  }

  BuildFilter.Parsed filter() {
    return BuildFilter.parse(only, except);
  }
}
