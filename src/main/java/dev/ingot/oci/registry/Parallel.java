package dev.ingot.oci.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Runs blob transfers on virtual threads, at most {@code width} at once. Thread-safe. */
final class Parallel {
  /** One transfer. */
  interface Job {
    void run() throws IOException;
  }

  private Parallel() {}

  /** Runs every job and waits for all; the first failure is thrown once all have ended. */
  static void run(int width, List<Job> jobs) throws IOException {
    Semaphore slots = new Semaphore(width);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Void>> running = new ArrayList<>();
      for (Job j : jobs) {
        running.add(
            pool.submit(
                () -> {
                  slots.acquire();
                  try {
                    j.run();
                  } finally {
                    slots.release();
                  }
                  return null;
                }));
      }
      for (Future<Void> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("transfer interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }
}
