package dev.ingot.oci.model;

import java.util.Map;

/** One history entry of an image config; {@code emptyLayer} when it added no layer. */
public record History(
    String created, String createdBy, String author, String comment, boolean emptyLayer) {

  Map<String, Object> toJson() {
    Map<String, Object> m = JsonFields.ordered();
    JsonFields.putIf(m, "created", created);
    JsonFields.putIf(m, "created_by", createdBy);
    JsonFields.putIf(m, "author", author);
    JsonFields.putIf(m, "comment", comment);
    if (emptyLayer) {
      m.put("empty_layer", true);
    }
    return m;
  }

  static History fromJson(Map<String, Object> m) {
    return new History(
        JsonFields.str(m, "created"),
        JsonFields.str(m, "created_by"),
        JsonFields.str(m, "author"),
        JsonFields.str(m, "comment"),
        Boolean.TRUE.equals(m.get("empty_layer")));
  }
}
