package dev.ingot.scan.policy;

import java.time.LocalDate;

/**
 * An accepted risk: a vulnerability id (or alias, or a hardening check id), optionally only for one
 * package (binary or source name), until a date (inclusive; null for no end), with the reason the
 * report shows. An ignore past its date no longer applies and is reported. Immutable.
 */
public record Ignore(String id, String pkg, LocalDate until, String reason) {
  public Ignore {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an ignore needs an id");
    }
    pkg = pkg == null || pkg.isBlank() ? null : pkg;
    reason = reason == null ? "" : reason;
  }

  public boolean expired(LocalDate today) {
    return until != null && today.isAfter(until);
  }

  /** "CVE-2024-1 on openssl until 2026-06-30 (reason)". */
  public String describe() {
    return id
        + (pkg == null ? "" : " on " + pkg)
        + (until == null ? "" : " until " + until)
        + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
