package dev.ingot.disk.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Runs independent work on numbered chunks on several threads and hands the results to one sink in
 * chunk order: grains of a streamOptimized VMDK and clusters of a qcow2 image are compressed in
 * parallel but must be written in ascending order. At most {@code 4 × threads} chunks are in
 * flight, which bounds memory. Each run owns its threads and stops them before returning.
 */
final class OrderedPipeline {
  /** Computes the result of one chunk; called on worker threads. */
  interface Work<R> {
    R apply(long chunk) throws IOException;
  }

  /** Consumes results in chunk order; called on the caller's thread. */
  interface Sink<R> {
    void accept(long chunk, R result) throws IOException;
  }

  private OrderedPipeline() {}

  /**
   * Runs the chunks of {@code src} on the job's threads, telling the job's progress (in bytes of
   * the source) after each chunk is consumed.
   */
  static <R> void run(WriteJob job, ChunkSource src, Work<R> work, Sink<R> sink)
      throws IOException {
    run(job, src, work, sink, null);
  }

  /**
   * As {@link #run(WriteJob, ChunkSource, Work, Sink)}, with {@code unallocated} the result of a
   * chunk that holds no allocated byte of the source (null: such chunks are worked too): those skip
   * the workers, so a mostly empty disk of terabytes costs a lookup per chunk, not a hand-over to
   * another thread and back (64 TiB took 18 minutes that way, qemu-img under a second).
   */
  static <R> void run(WriteJob job, ChunkSource src, Work<R> work, Sink<R> sink, R unallocated)
      throws IOException {
    runKnown(
        job,
        src,
        work,
        sink,
        unallocated == null ? c -> null : c -> src.unallocated(c) ? unallocated : null);
  }

  /** As above, with {@code known} a chunk's result when it needs no work, else null. */
  static <R> void runKnown(
      WriteJob job, ChunkSource src, Work<R> work, Sink<R> sink, LongFunction<R> known)
      throws IOException {
    WriteJob.Progress p = job.progress();
    long size = src.virtualSize();
    p.advanced(0, size);
    run(
        job.threads(),
        src.chunks(),
        known,
        work,
        (c, r) -> {
          sink.accept(c, r);
          p.advanced(Math.min(size, src.offset(c + 1)), size);
        });
  }

  static <R> void run(int threads, long chunks, Work<R> work, Sink<R> sink) throws IOException {
    run(threads, chunks, c -> null, work, sink);
  }

  /** {@code known}: a chunk's result when it needs no work, else null. */
  private static <R> void run(
      int threads, long chunks, LongFunction<R> known, Work<R> work, Sink<R> sink)
      throws IOException {
    if (threads <= 1) {
      for (long c = 0; c < chunks; c++) {
        R k = known.apply(c);
        sink.accept(c, k != null ? k : work.apply(c));
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> Thread.ofPlatform().daemon().name("ingot-disk-worker").unstarted(r));
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    int window = threads * 4;
    long next = 0;
    try {
      for (long c = 0; c < chunks; c++) {
        while (next < chunks && inFlight.size() < window) {
          long n = next++;
          R k = known.apply(n);
          inFlight.add(
              k != null
                  ? CompletableFuture.completedFuture(k)
                  : pool.submit(
                      () -> {
                        try {
                          return work.apply(n);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      }));
        }
        sink.accept(c, await(inFlight.poll()));
      }
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private static <R> R await(Future<R> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("disk conversion interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }
}
