package dev.ingot.plugin;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation signal for one build (Ctrl-C, SIGTERM, or another build's failure with
 * -on-error=abort). Steps poll {@link #check} between units of work and register callbacks that
 * stop blocking work (kill a process, close a socket). Thread-safe.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CopyOnWriteArrayList<Runnable> callbacks = new CopyOnWriteArrayList<>();

  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      callbacks.forEach(Runnable::run);
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws {@link CancelledException} once cancelled. */
  public void check() {
    if (cancelled.get()) {
      throw new CancelledException();
    }
  }

  /**
   * Runs {@code r} on cancellation (at once if already cancelled); returns a handle to remove it.
   */
  public AutoCloseable onCancel(Runnable r) {
    callbacks.add(r);
    if (cancelled.get()) {
      r.run();
    }
    return () -> callbacks.remove(r);
  }

  /** Thrown by {@link #check} and by steps that notice cancellation. */
  public static final class CancelledException extends RuntimeException {
    public CancelledException() {
      super("build cancelled");
    }
  }
}
