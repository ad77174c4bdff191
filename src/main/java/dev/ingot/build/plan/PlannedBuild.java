package dev.ingot.build.plan;

import dev.ingot.diag.Range;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.SourcePlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One build of the plan: a source with its provisioners and post-processor chains. {@code
 * buildName} is what the UI shows and -only matches ("null.example": source type and name, as in
 * Packer 1.6); {@code sourceName} is PACKER_BUILD_NAME and the manifest's {@code name}. Each chain
 * gets the source's (provisioned) artifact; a lone {@code post-processor} block is a chain of one.
 * {@code customizations} are the source block's own {@code customize} blocks, applied in order to
 * the root filesystem the source makes, before any provisioner sees it. Immutable.
 */
public record PlannedBuild(
    String buildName,
    String description,
    String sourceType,
    String sourceName,
    SourcePlugin source,
    Config sourceConfig,
    List<PlannedPostProcessor> customizations,
    List<PlannedProvisioner> provisioners,
    Optional<PlannedProvisioner> errorCleanupProvisioner,
    List<List<PlannedPostProcessor>> chains,
    Range range) {
  public PlannedBuild {
    if (buildName == null || buildName.isBlank() || source == null || sourceConfig == null) {
      throw new IllegalArgumentException("a build needs a name, a source and its config");
    }
    description = description == null ? "" : description;
    sourceType = sourceType == null ? source.type() : sourceType;
    sourceName = sourceName == null ? buildName : sourceName;
    customizations = customizations == null ? List.of() : List.copyOf(customizations);
    provisioners = List.copyOf(provisioners);
    errorCleanupProvisioner =
        errorCleanupProvisioner == null ? Optional.empty() : errorCleanupProvisioner;
    chains = chains.stream().map(List::copyOf).filter(c -> !c.isEmpty()).toList();
  }

  /** A build named "type.name" with no provisioners and no post-processors. */
  public static PlannedBuild of(String sourceName, SourcePlugin source, Config config) {
    return new PlannedBuild(
        source.type() + "." + sourceName,
        "",
        source.type(),
        sourceName,
        source,
        config,
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        config.block());
  }

  public PlannedBuild withProvisioners(List<PlannedProvisioner> ps) {
    return new PlannedBuild(
        buildName,
        description,
        sourceType,
        sourceName,
        source,
        sourceConfig,
        customizations,
        ps,
        errorCleanupProvisioner,
        chains,
        range);
  }

  public PlannedBuild withErrorCleanupProvisioner(PlannedProvisioner p) {
    return new PlannedBuild(
        buildName,
        description,
        sourceType,
        sourceName,
        source,
        sourceConfig,
        customizations,
        provisioners,
        Optional.ofNullable(p),
        chains,
        range);
  }

  public PlannedBuild withChains(List<List<PlannedPostProcessor>> cs) {
    return new PlannedBuild(
        buildName,
        description,
        sourceType,
        sourceName,
        source,
        sourceConfig,
        customizations,
        provisioners,
        errorCleanupProvisioner,
        cs,
        range);
  }

  /**
   * The build's output directory: the source's {@code output_directory} argument when it has one,
   * else {@code output/<buildName>}; relative paths are relative to {@code cwd} (as in Packer).
   */
  public Path outputDir(Path cwd) {
    return cwd.resolve(sourceConfig.string("output_directory", "output/" + buildName)).normalize();
  }
}
