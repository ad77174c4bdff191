package dev.ingot.oci.registry;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;

/**
 * Publishes a range of a file as request body in 1 MiB buffers. The JDK's file publisher reads 16
 * KiB at a time; large buffers mean far fewer reads and socket writes per blob, which is most of
 * the client's CPU time in a push. Each subscription reads the file anew (retries resend it).
 */
final class FilePublisher implements Flow.Publisher<ByteBuffer> {
  private static final int CHUNK = 1 << 20;
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
          ByteBuffer b = ByteBuffer.allocate((int) Math.min(CHUNK, end - pos));
          while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
              throw new EOFException(file + " ended before " + end + " bytes");
            }
          }
          b.flip();
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
