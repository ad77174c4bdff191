package dev.ingot.scan;

import dev.ingot.plugin.KeptOnFailure;
import java.nio.file.Path;
import java.util.List;

/**
 * The scan gate failed: findings at or above {@code fail_on}. The message lists them with the
 * reason and where the reports were written; the build stops before any publishing step, and the
 * engine keeps the reports when it removes the failed build's outputs.
 */
public final class ScanPolicyException extends RuntimeException implements KeptOnFailure {
  private final List<Path> reports;

  public ScanPolicyException(String message, List<Path> reports) {
    super(message);
    this.reports = List.copyOf(reports);
  }

  @Override
  public List<Path> keptFiles() {
    return reports;
  }
}
