package dev.ingot.scan.policy;

/** How the policy judged one finding or check failure. */
public sealed interface Verdict {
  /** A one-line reason for reports. */
  String reason();

  /** At or above {@code fail_on}: this fails the gate. */
  record Fails(String reason) implements Verdict {}

  /** Counted but below the threshold. */
  record Passes(String reason) implements Verdict {}

  /** Matched by an active ignore entry. */
  record Ignored(Ignore by, String reason) implements Verdict {}

  /** No fixed version and {@code only_fixed} is set. */
  record NotFixable(String reason) implements Verdict {}

  default boolean fails() {
    return this instanceof Fails;
  }
}
