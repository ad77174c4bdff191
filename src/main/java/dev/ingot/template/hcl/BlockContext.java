package dev.ingot.template.hcl;

import dev.ingot.diag.SourceSet;

/**
 * Names the top-level block that encloses a position, as HCL does after "in" in a printed
 * diagnostic ({@code on x.pkr.hcl line 3, in source "null" "x":}). Immutable and thread-safe.
 */
public final class BlockContext implements SourceSet.ContextResolver {
  private final Body body;

  private BlockContext(Body body) {
    this.body = body;
  }

  public static BlockContext of(Body body) {
    return new BlockContext(body);
  }

  @Override
  public String contextAt(int byteOffset) {
    for (Block b : body.blocks()) {
      if (b.range().start().byteOffset() <= byteOffset
          && byteOffset < b.range().end().byteOffset()) {
        return b.header();
      }
    }
    return "";
  }
}
