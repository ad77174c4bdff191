package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.List;
import java.util.Optional;

/**
 * The content of a file or block: attributes and blocks in source order. Immutable.
 *
 * @param items attributes and blocks as written
 * @param range from the start of the body to its end (for a block, the braces)
 * @param endRange the zero-width range at the end, where missing content would go
 */
public record Body(List<BodyItem> items, Range range, Range endRange) {
  public Body {
    items = List.copyOf(items);
  }

  public List<Attribute> attributes() {
    return items.stream().filter(i -> i instanceof Attribute).map(i -> (Attribute) i).toList();
  }

  public List<Block> blocks() {
    return items.stream().filter(i -> i instanceof Block).map(i -> (Block) i).toList();
  }

  public List<Block> blocks(String type) {
    return blocks().stream().filter(b -> b.type().equals(type)).toList();
  }

  /** The first attribute named {@code name} (the parser reports later duplicates). */
  public Optional<Attribute> attribute(String name) {
    return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
