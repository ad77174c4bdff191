package dev.ingot.template.model;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Block;
import java.util.List;
import java.util.Optional;

/**
 * A {@code build} block: its name and description (literals, as in Packer), the sources it runs,
 * and its provisioners and post-processor chains (a lone {@code post-processor} block is a chain of
 * one; a {@code post-processors} block is a chain). Immutable.
 */
public record BuildDecl(
    String name,
    String description,
    List<BuildSource> sources,
    List<PluginBlock> provisioners,
    Optional<PluginBlock> errorCleanupProvisioner,
    List<List<PluginBlock>> chains,
    Range range) {
  public BuildDecl {
    name = name == null ? "" : name;
    description = description == null ? "" : description;
    sources = List.copyOf(sources);
    provisioners = List.copyOf(provisioners);
    chains = chains.stream().map(List::copyOf).toList();
  }

  /**
   * One source a build runs: the referenced top-level source, the name it runs under (the {@code
   * name} of a build-level source block, else the source's own), and the build-level block whose
   * other arguments fill in the source's unset ones. {@code range} is the reference.
   */
  public record BuildSource(SourceRef ref, String name, Optional<Block> overrides, Range range) {
    /** The reference as the build runs it: "TYPE.NAME" with the (new) name. */
    public SourceRef runAs() {
      return ref.withName(name);
    }
  }
}
