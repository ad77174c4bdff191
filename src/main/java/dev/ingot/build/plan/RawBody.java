package dev.ingot.build.plan;

import dev.ingot.diag.Range;
import java.util.List;
import java.util.Map;

/**
 * A block body as the template evaluator hands it to {@link SchemaChecker}, in plain Java terms:
 * evaluated attribute values (String, BigDecimal or other Number, Boolean, List, Map, or null for
 * unset) with where each was written, nested blocks by type, and the range of the whole block.
 * Immutable.
 */
public record RawBody(
    Map<String, Attr> attributes, Map<String, List<RawBody>> blocks, Range range) {
  /**
   * One evaluated attribute, the range of its value expression and of its name (where HCL reports
   * an unsupported argument).
   */
  public record Attr(Object value, Range range, Range nameRange) {
    /** An attribute whose name is reported at its value (no separate name range). */
    public Attr(Object value, Range range) {
      this(value, range, range);
    }
  }

  public RawBody {
    attributes = Map.copyOf(attributes);
    blocks = Map.copyOf(blocks);
  }

  /** A body with attributes only and no known place (for tests and generated plans). */
  public static RawBody of(Map<String, Object> values) {
    Map<String, Attr> attrs = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> attrs.put(k, new Attr(v, null)));
    return new RawBody(attrs, Map.of(), null);
  }
}
