package dev.ingot.scan.policy;

import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Finding;
import java.util.List;

/**
 * The policy's judgement of a scan: a verdict per finding and per failed check, notes (expired or
 * unused ignores), and whether the gate failed, with the one-line reason a build error shows.
 * Immutable.
 */
public record PolicyResult(
    Policy policy,
    List<Judged<Finding>> findings,
    List<Judged<CheckResult>> checks,
    List<String> notes,
    boolean failed,
    String summary) {
  /** A thing and its verdict. */
  public record Judged<T>(T item, Verdict verdict) {}

  public PolicyResult {
    findings = List.copyOf(findings);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  public List<Finding> failing() {
    return findings.stream().filter(j -> j.verdict().fails()).map(Judged::item).toList();
  }

  public List<CheckResult> failingChecks() {
    return checks.stream().filter(j -> j.verdict().fails()).map(Judged::item).toList();
  }
}
