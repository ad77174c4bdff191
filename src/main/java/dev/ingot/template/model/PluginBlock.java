package dev.ingot.template.model;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.value.Value;
import java.util.Map;

/**
 * A {@code provisioner}, {@code error-cleanup-provisioner} or {@code post-processor} block of a
 * build, unevaluated. {@code bindings} are the extra names its expressions may use: the iterator of
 * the {@code dynamic} block that made it (e.g. {@code provisioner.value}), empty otherwise.
 * Immutable.
 */
public record PluginBlock(String type, Block block, Map<String, Value> bindings) {
  public PluginBlock {
    bindings = Map.copyOf(bindings);
  }

  public static PluginBlock of(String type, Block block) {
    return new PluginBlock(type, block, Map.of());
  }

  /** Where the type label is written (or the block, for one made by a dynamic block). */
  public Range typeRange() {
    return block.labels().isEmpty() ? block.typeRange() : block.labels().get(0).range();
  }

  public Range range() {
    return block.range();
  }
}
