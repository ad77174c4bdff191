package dev.ingot.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.input.BoundedInputStream;

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
          BoundedInputStream.builder()
              .setInputStream(Channels.newInputStream(ch))
              .setMaxCount(length)
              .get(),
          1 << 16);
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
}
