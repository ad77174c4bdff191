package dev.ingot.template.load;

import dev.ingot.diag.Range;
import dev.ingot.template.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A block body with every expression evaluated: attributes with where their name and value are
 * written, nested blocks by type (dynamic blocks already expanded), and the block's range.
 * Immutable.
 */
public record EvaluatedBody(
    Map<String, Attr> attributes, Map<String, List<EvaluatedBody>> blocks, Range range) {
  /**
   * One evaluated attribute; {@code constant} when its expression uses no variable and calls no
   * function (a value written out in the template, such as a literal password).
   */
  public record Attr(Value value, Range valueRange, Range nameRange, boolean constant) {}

  public EvaluatedBody {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    blocks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(blocks));
  }
}
