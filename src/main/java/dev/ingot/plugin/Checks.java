package dev.ingot.plugin;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.DiagnosticsException;
import java.util.List;

/**
 * Helpers for {@link Plugin#check}: diagnostics placed at an argument, and running the same checks
 * again when the step runs (a plugin may be called without validate, e.g. in tests).
 */
public final class Checks {
  private Checks() {}

  /** An error about argument {@code arg}, placed at its value (or the block). */
  public static Diagnostic error(Config c, String arg, String summary, String detail) {
    return Diagnostic.error(summary, detail, c.rangeOf(arg));
  }

  public static Diagnostics of(List<Diagnostic> ds) {
    return ds.isEmpty() ? Diagnostics.NONE : new Diagnostics(ds);
  }

  /**
   * The problem a parse of the config reports by throwing, as the step reports it when it runs: so
   * that validate finds a bad value before the build spends minutes on the steps before it.
   */
  public static Diagnostics parsing(Config config, Runnable parse) {
    try {
      parse.run();
      return Diagnostics.NONE;
    } catch (DiagnosticsException e) {
      return e.diagnostics();
    } catch (RuntimeException e) {
      // A parse that failed without saying where (a bug to mend there): the block, not a trace.
      return new Diagnostics(
          List.of(
              Diagnostic.error(
                  "Invalid settings", String.valueOf(e.getMessage()), config.block())));
    }
  }

  /**
   * Runs each independent check as {@link #parsing} does and reports every failure, then, when all
   * passed, {@code whole} (the full parse, for what depends on several arguments): a block with
   * three bad values says so in one run, not three.
   */
  public static Diagnostics each(Config config, List<Runnable> checks, Runnable whole) {
    List<Diagnostic> all = new java.util.ArrayList<>();
    for (Runnable c : checks) {
      all.addAll(parsing(config, c).all());
    }
    return all.isEmpty() ? parsing(config, whole) : new Diagnostics(all);
  }

  /** Throws the errors of {@code ds}, if any, as a {@link DiagnosticsException}. */
  public static void orThrow(Diagnostics ds) {
    if (ds.hasErrors()) {
      throw new DiagnosticsException(new Diagnostics(ds.errors()));
    }
  }
}
