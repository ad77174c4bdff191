package dev.ingot.oci.registry;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;

/**
 * Publishes a range of a file as request body in 1 MiB slices of a read-only memory mapping. The
 * JDK's file publisher reads 16 KiB at a time into heap buffers; mapped slices are direct buffers,
 * so the socket writes them without the two heap copies, and large slices mean few writes per blob
 * (the client's CPU time in a push). Blobs are immutable content-addressed files, so the mapping
 * cannot shrink under us. Each subscription maps the file anew (retries resend it).
 */
final class FilePublisher implements Flow.Publisher<ByteBuffer> {
  private static final int CHUNK = 1 << 20;
  private static final long MAP = 1L << 30;
  private final Path file;
  private final long offset;
  private final long length;

  FilePublisher(Path file, long offset, long length) {
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      s.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      s.onError(e);
      return;
    }
    s.onSubscribe(new Range(ch, s));
  }

  /** Emits chunks as demanded, never re-entrantly; completes after the last one. */
  private final class Range implements Flow.Subscription {
    private final FileChannel ch;
    private final Flow.Subscriber<? super ByteBuffer> s;
    private long demand;
    private boolean emitting;
    private boolean done;
    private long pos = offset;
    private java.nio.MappedByteBuffer map;
    private long mapStart;

    Range(FileChannel ch, Flow.Subscriber<? super ByteBuffer> s) {
      this.ch = ch;
      this.s = s;
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        if (emitting) {
          return;
        }
        emitting = true;
      }
      long end = offset + length;
      try {
        while (true) {
          synchronized (this) {
            if (done || demand == 0) {
              emitting = false;
              return;
            }
            demand--;
          }
          if (pos >= end) {
            finish();
            s.onComplete();
            return;
          }
          ByteBuffer b = slice((int) Math.min(CHUNK, end - pos));
          pos += b.remaining();
          s.onNext(b);
          if (pos >= end) {
            finish();
            s.onComplete();
            return;
          }
        }
      } catch (IOException e) {
        finish();
        s.onError(e);
      }
    }

    /**
     * The next {@code n} bytes, from a mapping of up to 1 GiB made when the last one is used up.
     */
    private ByteBuffer slice(int n) throws IOException {
      long end = offset + length;
      if (map == null || pos + n > mapStart + map.capacity()) {
        if (ch.size() < end) {
          throw new EOFException(file + " ended before " + end + " bytes");
        }
        mapStart = pos;
        map = ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(end - pos, MAP));
      }
      int at = (int) (pos - mapStart);
      return map.slice(at, n);
    }

    @Override
    public void cancel() {
      finish();
    }

    private void finish() {
      synchronized (this) {
        done = true;
        emitting = false;
      }
      try {
        ch.close();
      } catch (IOException ignored) {
        // Nothing more will be read.
      }
    }
  }
}
