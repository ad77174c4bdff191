package dev.ingot.disk.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;

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
    run(job, src, work, sink, false);
  }

  /**
   * As {@link #run(WriteJob, ChunkSource, Work, Sink)}; with {@code skipUnallocated}, the chunks
   * that hold no allocated byte of the source are neither worked nor told to the sink (for writers
   * that store nothing for them). They are skipped a run at a time: a mostly empty disk of
   * petabytes costs a lookup per allocated extent, not per chunk (32 PiB took an hour of lookups
   * that way, and 64 TiB handed to the workers one by one 18 minutes; qemu-img under a second).
   */
  static <R> void run(
      WriteJob job, ChunkSource src, Work<R> work, Sink<R> sink, boolean skipUnallocated)
      throws IOException {
    runSkipping(job, src, work, sink, skipUnallocated ? src::nextAllocated : c -> c);
  }

  /**
   * As above, with {@code next} the first chunk at or after a chunk that needs work; the chunks
   * before it are neither worked nor told to the sink.
   */
  static <R> void runSkipping(
      WriteJob job, ChunkSource src, Work<R> work, Sink<R> sink, LongUnaryOperator next)
      throws IOException {
    WriteJob.Progress p = job.progress();
    long size = src.virtualSize();
    p.advanced(0, size);
    run(
        job.threads(),
        src.chunks(),
        next,
        work,
        (c, r) -> {
          sink.accept(c, r);
          p.advanced(Math.min(size, src.offset(c + 1)), size);
        });
    p.advanced(size, size);
  }

  static <R> void run(int threads, long chunks, Work<R> work, Sink<R> sink) throws IOException {
    run(threads, chunks, c -> c, work, sink);
  }

  /** {@code next}: the first chunk at or after a chunk that needs work, or {@code chunks}. */
  private static <R> void run(
      int threads, long chunks, LongUnaryOperator next, Work<R> work, Sink<R> sink)
      throws IOException {
    if (threads <= 1) {
      for (long c = next.applyAsLong(0); c < chunks; c = next.applyAsLong(c + 1)) {
        sink.accept(c, work.apply(c));
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> Thread.ofPlatform().daemon().name("ingot-disk-worker").unstarted(r));
    ArrayDeque<Long> numbers = new ArrayDeque<>();
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    int window = threads * 4;
    long ahead = next.applyAsLong(0); // the next chunk to hand to a worker
    try {
      while (ahead < chunks || !inFlight.isEmpty()) {
        while (ahead < chunks && inFlight.size() < window) {
          long n = ahead;
          ahead = next.applyAsLong(n + 1);
          numbers.add(n);
          inFlight.add(
              pool.submit(
                  () -> {
                    try {
                      return work.apply(n);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }));
        }
        sink.accept(numbers.poll(), await(inFlight.poll()));
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
