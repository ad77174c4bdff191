package dev.ingot.disk.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Positional writes done on another thread, so the thread that lays out an image (in order) only
 * decides offsets while the bytes are copied into the page cache. One thread, not one per core:
 * buffered writes to one file take its inode lock in turn, and two writers spent a seventh of the
 * machine spinning on it (perf: rwsem_spin_on_owner) while the scan waited for a core. At most
 * {@code 4 × threads} writes are pending; {@link #close} waits for all of them and reports the
 * first failure. Not thread-safe: one submitting thread.
 */
final class WriteBehind implements AutoCloseable {
  private final FileChannel out;
  private final ExecutorService pool;
  private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
  private final int limit;

  WriteBehind(FileChannel out, int threads) {
    this.out = out;
    this.limit = Math.max(1, threads) * 4;
    this.pool =
        threads <= 1
            ? null
            : Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("ingot-disk-writer").unstarted(r));
  }

  /** Writes {@code src} at {@code pos}, then runs {@code done} (e.g. recycling the buffer). */
  void write(long pos, ByteBuffer src, Runnable done) throws IOException {
    if (pool == null) {
      Blocks.writeAt(out, pos, src);
      done.run();
      return;
    }
    while (pending.size() >= limit) {
      await(pending.poll());
    }
    pending.add(
        pool.submit(
            () -> {
              try {
                Blocks.writeAt(out, pos, src);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                done.run();
              }
            }));
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("disk write interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException(e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    if (pool == null) {
      return;
    }
    try {
      while (!pending.isEmpty()) {
        await(pending.poll());
      }
    } finally {
      pending.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }
}
