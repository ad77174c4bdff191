package dev.ingot.scan.harden;

import java.io.IOException;

/** One check: its description and how to evaluate it on the facts of a root. Stateless. */
interface HardeningCheck {
  Check check();

  CheckResult run(RootFacts facts) throws IOException;

  static HardeningCheck of(Check c, Fn fn) {
    return new HardeningCheck() {
      @Override
      public Check check() {
        return c;
      }

      @Override
      public CheckResult run(RootFacts facts) throws IOException {
        return fn.run(c, facts);
      }
    };
  }

  /** The body of a check. */
  interface Fn {
    CheckResult run(Check c, RootFacts facts) throws IOException;
  }
}
