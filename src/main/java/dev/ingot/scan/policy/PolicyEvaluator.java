package dev.ingot.scan.policy;

import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.match.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link Policy} to findings and check results. The date is passed in (an ignore's {@code
 * until} is compared with it), so a run is reproducible. Pure; thread-safe.
 */
public final class PolicyEvaluator {
  private final Policy policy;
  private final LocalDate today;

  public PolicyEvaluator(Policy policy, LocalDate today) {
    this.policy = policy;
    this.today = today;
  }

  public PolicyResult evaluate(List<Finding> findings, List<CheckResult> checks) {
    List<String> notes = new ArrayList<>();
    Set<Ignore> used = new LinkedHashSet<>();
    Set<Ignore> expiredSeen = new LinkedHashSet<>();
    List<PolicyResult.Judged<Finding>> jf = new ArrayList<>();
    for (Finding f : findings) {
      jf.add(new PolicyResult.Judged<>(f, judge(f, used, expiredSeen)));
    }
    List<PolicyResult.Judged<CheckResult>> jc = new ArrayList<>();
    for (CheckResult c : checks) {
      if (c.failed()) {
        jc.add(new PolicyResult.Judged<>(c, judge(c, used, expiredSeen)));
      }
    }
    for (Ignore i : policy.ignores()) {
      if (i.expired(today)) {
        notes.add(
            "ignore "
                + i.describe()
                + " expired on "
                + i.until()
                + " and no longer applies"
                + (expiredSeen.contains(i) ? "" : " (it matched nothing)"));
      } else if (!used.contains(i)) {
        notes.add("ignore " + i.describe() + " matched nothing; remove it if the risk is gone");
      }
    }
    List<String> failing = new ArrayList<>();
    jf.stream()
        .filter(j -> j.verdict().fails())
        .forEach(j -> failing.add(j.item().id() + " (" + j.item().pkg().name() + ")"));
    jc.stream().filter(j -> j.verdict().fails()).forEach(j -> failing.add(j.item().check().id()));
    boolean failed = !failing.isEmpty();
    String summary =
        failed
            ? failing.size()
                + " finding(s) at or above fail_on = "
                + policy.failOn().label()
                + ": "
                + String.join(", ", failing.subList(0, Math.min(10, failing.size())))
                + (failing.size() > 10 ? ", …" : "")
            : "no finding at or above fail_on = " + policy.failOn().label();
    return new PolicyResult(policy, jf, jc, notes, failed, summary);
  }

  private Verdict judge(Finding f, Set<Ignore> used, Set<Ignore> expiredSeen) {
    Optional<Verdict> ignored =
        ignore(
            i ->
                f.isKnownAs(i.id())
                    && (i.pkg() == null
                        || i.pkg().equals(f.pkg().name())
                        || i.pkg().equals(f.matchedName())),
            used,
            expiredSeen);
    if (ignored.isPresent()) {
      return ignored.get();
    }
    if (policy.onlyFixed() && !f.hasFix()) {
      return new Verdict.NotFixable(
          "no fixed version (" + f.state().label() + ") and only_fixed is set");
    }
    return threshold(f.severity().rating());
  }

  private Verdict judge(CheckResult c, Set<Ignore> used, Set<Ignore> expiredSeen) {
    return ignore(i -> i.id().equals(c.check().id()), used, expiredSeen)
        .orElseGet(() -> threshold(c.check().severity()));
  }

  private Verdict threshold(dev.ingot.scan.cvss.Rating r) {
    return policy.failOn().fails(r)
        ? new Verdict.Fails(r.label() + " is at or above fail_on = " + policy.failOn().label())
        : new Verdict.Passes(r.label() + " is below fail_on = " + policy.failOn().label());
  }

  private Optional<Verdict> ignore(
      java.util.function.Predicate<Ignore> matches, Set<Ignore> used, Set<Ignore> expiredSeen) {
    for (Ignore i : policy.ignores()) {
      if (!matches.test(i)) {
        continue;
      }
      if (i.expired(today)) {
        expiredSeen.add(i);
        continue;
      }
      used.add(i);
      return Optional.of(new Verdict.Ignored(i, "ignored: " + i.describe()));
    }
    return Optional.empty();
  }
}
