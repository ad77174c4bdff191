package dev.ingot.scan;

/**
 * The scan gate failed: findings at or above {@code fail_on}. The message lists them with the
 * reason and where the reports were written; the build stops before any publishing step.
 */
public final class ScanPolicyException extends RuntimeException {
  public ScanPolicyException(String message) {
    super(message);
  }
}
