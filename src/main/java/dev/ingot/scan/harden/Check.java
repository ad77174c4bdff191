package dev.ingot.scan.harden;

import dev.ingot.scan.cvss.Rating;

/**
 * A hardening check's description: a stable id ("ssh.permit-root-login"), a title, the severity a
 * failure has for the {@code fail_on} policy, why it matters and how to fix it. Immutable.
 */
public record Check(String id, String title, Rating severity, String rationale, String fix) {}
