package dev.ingot.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM during a build: the first signal calls {@code cancel} (builds stop and run
 * their cleanups), a second one ends the process at once. Installed for one run and removed after
 * it. {@link #signal} is the first signal's number (0 when none), for exit codes 130/143.
 */
final class SignalHook implements AutoCloseable {
  private final AtomicInteger first = new AtomicInteger();
  private final AtomicInteger count = new AtomicInteger();
  private final List<Runnable> restore = new ArrayList<>();

  private SignalHook() {}

  static SignalHook install(Runnable cancel, PrintWriter err) {
    SignalHook h = new SignalHook();
    for (String name : List.of("INT", "TERM")) {
      try {
        sun.misc.Signal sig = new sun.misc.Signal(name);
        sun.misc.SignalHandler previous =
            sun.misc.Signal.handle(
                sig,
                s -> {
                  h.first.compareAndSet(0, s.getNumber());
                  if (h.count.incrementAndGet() == 1) {
                    err.println(
                        "\n==> Interrupted: cancelling builds and cleaning up (press Ctrl-C again to"
                            + " stop at once, without cleanup)");
                    err.flush();
                    cancel.run();
                  } else {
                    err.println("\n==> Stopped without cleanup.");
                    err.flush();
                    Runtime.getRuntime().halt(128 + h.first.get());
                  }
                });
        h.restore.add(() -> sun.misc.Signal.handle(sig, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // The signal is not available here (or the JVM reserves it); the run is not interruptible
        // by it, which is no reason to fail.
      }
    }
    return h;
  }

  int signal() {
    return first.get();
  }

  @Override
  public void close() {
    restore.forEach(Runnable::run);
  }
}
