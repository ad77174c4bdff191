package dev.ingot.template.model;

import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Block;

/**
 * A top-level {@code source "TYPE" "NAME"} block, unevaluated: its body is evaluated once per build
 * that uses it, where {@code source.name} and {@code build.name} are known. Immutable.
 */
public record SourceDecl(SourceRef ref, Block block) {
  /** Where the type label is (for "Unknown source type"). */
  public Range typeRange() {
    return block.labels().get(0).range();
  }
}
