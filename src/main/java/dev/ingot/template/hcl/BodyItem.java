package dev.ingot.template.hcl;

import dev.ingot.diag.Range;

/** An element of a {@link Body}: an attribute or a block. */
public sealed interface BodyItem permits Attribute, Block {
  Range range();
}
