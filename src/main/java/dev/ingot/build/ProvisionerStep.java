package dev.ingot.build;

import dev.ingot.build.plan.PlannedProvisioner;
import dev.ingot.build.ui.Durations;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.StepContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one provisioner with Packer's {@code pause_before}, {@code max_retries} and {@code timeout}:
 * each attempt gets its own cancellation, cancelled by the build's and by the timeout timer.
 */
final class ProvisionerStep {
  private final ScheduledExecutorService timers;

  ProvisionerStep(ScheduledExecutorService timers) {
    this.timers = timers;
  }

  void run(PlannedProvisioner p, Optional<Communicator> comm, StepContext ctx) throws Exception {
    if (!p.pauseBefore().isZero()) {
      ctx.log()
          .info("Pausing " + Durations.packer(p.pauseBefore()) + " before the next provisioner...");
      sleep(p.pauseBefore(), ctx.cancellation());
    }
    int attempts = p.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      try {
        attempt(p, comm, ctx);
        return;
      } catch (Cancellation.CancelledException e) {
        throw e;
      } catch (Exception e) {
        ctx.cancellation().check();
        if (attempt >= attempts) {
          throw e;
        }
        ctx.log()
            .warn(
                "Provisioner "
                    + p.type()
                    + " failed (attempt "
                    + attempt
                    + " of "
                    + attempts
                    + "): "
                    + Errors.describe(e)
                    + "; retrying");
      }
    }
  }

  @SuppressWarnings("try") // the resource only unregisters a callback
  private void attempt(PlannedProvisioner p, Optional<Communicator> comm, StepContext ctx)
      throws Exception {
    if (p.timeout().isZero()) {
      p.plugin().provision(p.config(), comm, ctx);
      return;
    }
    Cancellation attempt = new Cancellation();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> timer =
        timers.schedule(
            () -> {
              timedOut.set(true);
              attempt.cancel();
            },
            p.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try (AutoCloseable link = ctx.cancellation().onCancel(attempt::cancel)) {
      p.plugin().provision(p.config(), comm, ctx.withCancellation(attempt));
      if (timedOut.get()) {
        throw timeout(p);
      }
    } catch (Exception e) {
      if (timedOut.get() && !ctx.cancellation().isCancelled()) {
        throw timeout(p);
      }
      throw e;
    } finally {
      timer.cancel(false);
    }
  }

  private static BuildException timeout(PlannedProvisioner p) {
    return new BuildException(
        "Provisioner " + p.type() + " timed out after " + Durations.packer(p.timeout()));
  }

  /** Sleeps {@code d}, waking early (and throwing) when cancelled. */
  @SuppressWarnings("try") // the resource only unregisters a callback
  static void sleep(Duration d, Cancellation c) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    try (AutoCloseable hook = c.onCancel(latch::countDown)) {
      latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    c.check();
  }
}
