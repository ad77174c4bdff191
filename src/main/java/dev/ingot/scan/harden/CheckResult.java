package dev.ingot.scan.harden;

import java.util.List;

/**
 * The outcome of one check on one root filesystem. {@code details} name the offending files or
 * settings (for a failure) or what was seen (for a pass). Immutable.
 */
public record CheckResult(Check check, Status status, List<String> details) {
  /** Pass, fail, or not applicable (e.g. ssh checks where sshd is not installed). */
  public enum Status {
    PASS,
    FAIL,
    NOT_APPLICABLE
  }

  public CheckResult {
    details = List.copyOf(details);
  }

  public static CheckResult pass(Check c, String detail) {
    return new CheckResult(c, Status.PASS, List.of(detail));
  }

  public static CheckResult fail(Check c, List<String> details) {
    return new CheckResult(c, Status.FAIL, details);
  }

  public static CheckResult notApplicable(Check c, String why) {
    return new CheckResult(c, Status.NOT_APPLICABLE, List.of(why));
  }

  public boolean failed() {
    return status == Status.FAIL;
  }
}
