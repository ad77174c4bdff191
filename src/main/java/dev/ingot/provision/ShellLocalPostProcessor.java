package dev.ingot.provision;

import dev.ingot.artifact.Artifact;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PassThroughPostProcessor;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Post-processor {@code shell-local}: runs commands on this machine after the build and passes the
 * artifact on unchanged (so its input is always kept, as in Packer). Besides Packer's variables the
 * scripts get INGOT_ARTIFACT_ID and INGOT_ARTIFACT_FILES (absolute paths, one per line).
 */
public final class ShellLocalPostProcessor implements PassThroughPostProcessor {
  @Override
  public String type() {
    return "shell-local";
  }

  @Override
  public Schema schema() {
    return LocalShell.SCHEMA;
  }

  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    return LocalShell.check(config);
  }

  @Override
  public String description() {
    return "Runs commands or scripts on this machine with the artifact's files at hand.";
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("INGOT_ARTIFACT_ID", input.id());
    env.put(
        "INGOT_ARTIFACT_FILES",
        input.files().stream()
            .map(f -> ctx.cwd().resolve(f).toAbsolutePath().normalize())
            .map(Path::toString)
            .collect(Collectors.joining("\n")));
    LocalShell.run(config, ctx, env);
    return input;
  }
}
