package dev.ingot.cli;

import dev.ingot.plugin.Cancellation;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C, SIGTERM and SIGHUP during a long command (a build, a conversion): the first calls {@code
 * cancel} (the work stops and cleans up after itself), a second one ends the process at once.
 * Installed for one run and removed after it. {@link #signal} is the first signal's number (0 when
 * none), for exit codes 130/143/129. A signal the process was started with ignored (SIGHUP under
 * nohup, SIGINT in a background job) stays ignored: the JVM refuses to catch it.
 */
final class SignalHook implements AutoCloseable {
  private final AtomicInteger first = new AtomicInteger();
  private final AtomicInteger count = new AtomicInteger();
  private final List<Runnable> restore = new ArrayList<>();

  private SignalHook() {}

  /** {@code doing}: what the first signal starts, as the notice says it ("cancelling builds…"). */
  static SignalHook install(Runnable cancel, PrintWriter err, String doing) {
    SignalHook h = new SignalHook();
    for (String name : List.of("INT", "TERM", "HUP")) {
      try {
        h.handle(name, cancel, err, doing);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // The signal is not available here (or the JVM reserves it): the run is then not
        // interruptible by it, which is no reason to fail.
      }
    }
    return h;
  }

  // sun.misc.Signal through reflection: the one JDK way to catch SIGINT and go on running, used
  // without compile-time ties to an internal API.
  private void handle(String name, Runnable cancel, PrintWriter err, String doing)
      throws ReflectiveOperationException {
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
    Object sig = signalClass.getConstructor(String.class).newInstance(name);
    int number = (Integer) signalClass.getMethod("getNumber").invoke(sig);
    Object handler =
        Proxy.newProxyInstance(
            handlerClass.getClassLoader(),
            new Class<?>[] {handlerClass},
            (proxy, method, args) -> {
              if (method.getName().equals("handle")) {
                onSignal(number, cancel, err, doing);
              }
              return null;
            });
    Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
    Object previous = handle.invoke(null, sig, handler);
    restore.add(
        () -> {
          try {
            handle.invoke(null, sig, previous);
          } catch (ReflectiveOperationException e) {
            // Restoring is best effort; the process is about to return from the command.
          }
        });
  }

  private void onSignal(int number, Runnable cancel, PrintWriter err, String doing) {
    first.compareAndSet(0, number);
    if (count.incrementAndGet() == 1) {
      err.println(
          "\n==> Interrupted: " + doing + " (press Ctrl-C again to stop at once, without cleanup)");
      err.flush();
      cancel.run();
    } else {
      err.println("\n==> Stopped without cleanup (temporary files are left).");
      err.flush();
      // Halting skips the cleanups, not the kill of what the run started: a signal sent to this
      // process alone (a CI runner, timeout) left a step's command running with no parent.
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
      Runtime.getRuntime().halt(128 + first.get());
    }
  }

  int signal() {
    return first.get();
  }

  /** Work that stops with {@link Cancellation.CancelledException} once its token is cancelled. */
  interface Cancellable<T> {
    T run(Cancellation cancel) throws Exception;
  }

  /** How a cancellable run ended: with the work's value, or interrupted with an exit code. */
  sealed interface Outcome<T> {
    record Done<T>(T value) implements Outcome<T> {}

    record Interrupted<T>(int exitCode) implements Outcome<T> {}

    /** The command's exit code: {@code done} of the value, or the interruption's 128 + signal. */
    default int exitCode(java.util.function.ToIntFunction<? super T> done) {
      return switch (this) {
        case Done<T>(T value) -> done.applyAsInt(value);
        case Interrupted<T>(int code) -> code;
      };
    }
  }

  /**
   * Runs {@code work} with a token the first Ctrl-C or SIGTERM cancels. The work cleans up as it
   * unwinds (temporary outputs go with their {@code AtomicOutput}); then this says that {@code
   * output} was not written and returns the interruption with 128 + the signal, as a shell reports
   * a signalled command. The hook is removed before this returns, so the caller reports a {@link
   * Outcome.Done} value (prints, exits) as with no hook.
   */
  static <T> Outcome<T> cancellable(
      PrintWriter err, String doing, Object output, Cancellable<T> work) throws Exception {
    Cancellation cancel = new Cancellation();
    try (SignalHook hook = install(cancel::cancel, err, doing)) {
      try {
        return new Outcome.Done<>(work.run(cancel));
      } catch (Cancellation.CancelledException e) {
        return new Outcome.Interrupted<>(interrupted(err, output, hook));
      } catch (Exception e) {
        // Ctrl-C signals the whole process group: a child (dpkg, a maintainer script) may die of
        // it and fail the work before the work sees its token. Such a failure is the interruption.
        if (hook.signal() != 0) {
          return new Outcome.Interrupted<>(interrupted(err, output, hook));
        }
        throw e;
      }
    }
  }

  private static int interrupted(PrintWriter err, Object output, SignalHook hook) {
    err.println("Interrupted: " + output + " was not written.");
    err.flush();
    return 128 + (hook.signal() == 0 ? 2 : hook.signal()); // no signal reads as SIGINT
  }

  @Override
  public void close() {
    restore.forEach(Runnable::run);
  }
}
