package dev.ingot.build.plan;

import dev.ingot.diag.Range;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;

/**
 * One post-processor of a chain, fully evaluated. {@code name} is the block's {@code name} argument
 * or empty (then -except matches the type). {@code keepInputArtifact} is the template's {@code
 * keep_input_artifact} (false when not set); plugins that pass their input through keep it anyway
 * ({@link PostProcessorPlugin#keepsInputArtifact}). Immutable.
 */
public record PlannedPostProcessor(
    String type,
    String name,
    PostProcessorPlugin plugin,
    Config config,
    boolean keepInputArtifact,
    Range range) {
  public PlannedPostProcessor {
    if (type == null || plugin == null || config == null) {
      throw new IllegalArgumentException("a post-processor needs a type, a plugin and a config");
    }
    name = name == null ? "" : name;
  }

  public static PlannedPostProcessor of(PostProcessorPlugin plugin, Config config) {
    return new PlannedPostProcessor(plugin.type(), "", plugin, config, false, config.block());
  }

  public PlannedPostProcessor withName(String n) {
    return new PlannedPostProcessor(type, n, plugin, config, keepInputArtifact, range);
  }

  public PlannedPostProcessor withKeepInputArtifact(boolean keep) {
    return new PlannedPostProcessor(type, name, plugin, config, keep, range);
  }

  /** What -except matches: the name when given, else the type (as Packer 1.6). */
  public String filterName() {
    return name.isEmpty() ? type : name;
  }
}
