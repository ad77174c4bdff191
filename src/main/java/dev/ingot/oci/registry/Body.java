package dev.ingot.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A request body that can be sent again on retry: bytes, or a range of a file. Immutable. */
sealed interface Body {
  long length();

  InputStream open() throws IOException;

  record Bytes(byte[] data) implements Body {
    @Override
    public long length() {
      return data.length;
    }

    @Override
    public InputStream open() {
      return new java.io.ByteArrayInputStream(data);
    }
  }

  record FileRange(Path file, long offset, long length) implements Body {
    @Override
    public InputStream open() throws IOException {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
      ch.position(offset);
      return new java.io.BufferedInputStream(
          new BoundedInputStream(Channels.newInputStream(ch), length), 1 << 16);
    }
  }

  static HttpRequest.BodyPublisher publisher(Body b) {
    if (b == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    if (b instanceof Bytes(byte[] data)) {
      return HttpRequest.BodyPublishers.ofByteArray(data);
    }
    if (b instanceof FileRange f) {
      return HttpRequest.BodyPublishers.fromPublisher(
          new FilePublisher(f.file(), f.offset(), f.length()), f.length());
    }
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(
            () -> {
              try {
                return b.open();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }),
        b.length());
  }

  /** Reads at most {@code limit} bytes of the stream, then reports the end. */
  final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buf, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
