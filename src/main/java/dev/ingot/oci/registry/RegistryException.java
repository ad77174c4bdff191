package dev.ingot.oci.registry;

import java.io.IOException;
import java.util.List;

/**
 * A registry request that failed: what was attempted, the HTTP status (0 when no response came) and
 * the errors of the spec's error body. {@link #isRetryable} is true for 429, 5xx (but 501) and
 * connection failures, which the client retries on idempotent steps.
 */
public final class RegistryException extends IOException {
  private final int status;
  private final List<RegistryError> errors;

  /** The server's Retry-After value, if it sent one (used by the retry loop). */
  transient String retryAfter;

  public RegistryException(String what, int status, List<RegistryError> errors) {
    this(what, status, errors, null);
  }

  /** With {@code denied} (not null) saying why the registry refused, instead of the usual hint. */
  public RegistryException(String what, int status, List<RegistryError> errors, String denied) {
    super(message(what, status, errors, denied));
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public RegistryException(String what, IOException cause) {
    super(what + ": " + dev.ingot.plugin.IoMessages.describe(cause), cause);
    this.status = 0;
    this.errors = List.of();
  }

  private static String message(
      String what, int status, List<RegistryError> errors, String denied) {
    StringBuilder b = new StringBuilder(what).append(": HTTP ").append(status);
    if (!errors.isEmpty()) {
      b.append(" ")
          .append(String.join("; ", errors.stream().map(RegistryError::toString).toList()));
    }
    if (denied != null) {
      return b.append(" — ").append(denied).toString();
    }
    String hint =
        switch (status) {
          case 401 -> " — check the credentials in ~/.docker/config.json or REGISTRY_AUTH_FILE";
          case 403 -> " — the credentials lack permission for this repository";
          case 404 -> " — check the repository name and reference";
          default -> "";
        };
    return b.append(hint).toString();
  }

  public int status() {
    return status;
  }

  public List<RegistryError> errors() {
    return errors;
  }

  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }

  public boolean isRetryable() {
    return status == 0 || status == 429 || (status >= 500 && status != 501);
  }
}
