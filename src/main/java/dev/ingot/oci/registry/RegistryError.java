package dev.ingot.oci.registry;

import dev.ingot.oci.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a distribution-spec error body, {@code {"errors":[{"code","message","detail"}]}}.
 * {@code detail} is kept as compact JSON text. Immutable.
 */
public record RegistryError(String code, String message, String detail) {
  /** Parses an error body; a body that is not the spec's shape gives no errors. */
  public static List<RegistryError> parse(String body) {
    List<RegistryError> out = new ArrayList<>();
    if (body == null || body.isBlank()) {
      return out;
    }
    try {
      Object errors = Json.object(body).get("errors");
      if (errors instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Map<?, ?> m) {
            Object d = m.get("detail");
            out.add(
                new RegistryError(
                    String.valueOf(m.get("code")),
                    m.get("message") == null ? "" : String.valueOf(m.get("message")),
                    d == null ? null : Json.write(d)));
          }
        }
      }
    } catch (IllegalArgumentException notJson) {
      // Proxies answer with HTML; the status line then says all there is.
    }
    return out;
  }

  @Override
  public String toString() {
    return code
        + (message.isEmpty() ? "" : ": " + message)
        + (detail == null || detail.equals("null") ? "" : " (" + detail + ")");
  }
}
