package dev.ingot.fs.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several threads, as pigz does: the input is cut into fixed blocks,
 * each deflated on its own with the previous 32 KiB as preset dictionary and ended with a sync
 * flush, and the pieces are written in order. The output is a single standard gzip member. It
 * depends only on the input, the level and the block size (never on the thread count or timing),
 * and the header is fixed (no name, mtime 0, OS unknown), so equal input gives equal bytes.
 *
 * <p>Not thread-safe: one writer. {@link #close} finishes the member and closes {@code out}.
 */
public final class ParallelGzipOutputStream extends OutputStream {
  /** Block size in bytes; part of the output format, so it is fixed. */
  static final int BLOCK = 128 * 1024;

  private static final int DICT = 32 * 1024;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final OutputStream out;
  private final int level;
  private final int window;
  private final ExecutorService pool;
  private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private byte[] block = new byte[BLOCK];
  private int fill;
  private byte[] previous;
  private long total;
  private boolean closed;

  /**
   * @param level deflate level 0-9
   * @param threads worker threads (at least 1); all cores is a good default
   */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
    if (level < 0 || level > 9 || threads < 1) {
      throw new IllegalArgumentException("gzip level must be 0-9 and threads at least 1");
    }
    this.out = out;
    this.level = level;
    this.window = 2 * threads + 2;
    this.pool =
        Executors.newFixedThreadPool(
            threads, r -> Thread.ofPlatform().daemon().name("gzip").unstarted(r));
    out.write(HEADER);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    crc.update(b, off, len);
    total += len;
    while (len > 0) {
      int n = Math.min(len, BLOCK - fill);
      System.arraycopy(b, off, block, fill, n);
      fill += n;
      off += n;
      len -= n;
      if (fill == BLOCK) {
        submit(false);
      }
    }
  }

  private void submit(boolean last) throws IOException {
    byte[] data = fill == BLOCK ? block : Arrays.copyOf(block, fill);
    byte[] dict = previous == null ? null : Arrays.copyOfRange(previous, BLOCK - DICT, BLOCK);
    pending.add(pool.submit(() -> deflate(data, dict, last)));
    previous = fill == BLOCK ? data : null;
    block = new byte[BLOCK];
    fill = 0;
    while (pending.size() > window) {
      out.write(take(pending.poll()));
    }
  }

  private byte[] deflate(byte[] data, byte[] dict, boolean last) {
    Deflater d = deflaters.poll();
    if (d == null) {
      d = new Deflater(level, true);
    }
    try {
      if (dict != null) {
        d.setDictionary(dict);
      }
      d.setInput(data);
      if (last) {
        d.finish();
      }
      ByteArrayOutputStream bo = new ByteArrayOutputStream(data.length / 2 + 64);
      byte[] buf = new byte[64 * 1024];
      while (true) {
        int n = d.deflate(buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
        bo.write(buf, 0, n);
        if (last ? d.finished() : n < buf.length) {
          break;
        }
      }
      return bo.toByteArray();
    } finally {
      d.reset();
      deflaters.add(d);
    }
  }

  private static byte[] take(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("gzip compression interrupted");
    } catch (ExecutionException e) {
      throw new IOException("gzip compression failed", e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      submit(true);
      while (!pending.isEmpty()) {
        out.write(take(pending.poll()));
      }
      byte[] trailer = new byte[8];
      putInt(trailer, 0, crc.getValue());
      putInt(trailer, 4, total);
      out.write(trailer);
      out.close();
    } finally {
      pool.shutdownNow();
      deflaters.forEach(Deflater::end);
    }
  }

  private static void putInt(byte[] b, int off, long v) {
    for (int i = 0; i < 4; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }
}
