package dev.ingot.disk.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open image file whose reads say which file and which part of it was wanted when they fail.
 * Every offset a reader takes from a header or table is read through here: an offset past the end
 * (or past 2^63, which Java sees as negative) is a damaged or truncated image, and the user should
 * be told so with the file's name, not with "Negative position" or "unexpected end of file".
 * Thread-safe (reads are positional).
 */
record ImageFile(Path path, FileChannel channel) implements Closeable {

  static ImageFile open(Path path) throws IOException {
    return new ImageFile(path, FileChannel.open(path));
  }

  long size() throws IOException {
    return channel.size();
  }

  /** A refusal that names this file. */
  DiskFormatException fail(String why) {
    return new DiskFormatException(path + ": " + why);
  }

  /**
   * Fills {@code dst} from byte {@code pos}; {@code what} names the part for the error when it does
   * not lie in the file ("L1 table", "data of cluster 7").
   */
  void readAt(long pos, ByteBuffer dst, String what) throws IOException {
    check(pos, dst.remaining(), what);
    fill(pos, dst, what);
  }

  /** Refuses {@code n} bytes at {@code pos} unless they lie in the file. */
  private void check(long pos, int n, String what) throws IOException {
    long len = size();
    if (pos < 0 || pos > len - n) {
      throw pastEnd(what, pos, n, len);
    }
  }

  private void fill(long pos, ByteBuffer dst, String what) throws IOException {
    int n = dst.remaining();
    try {
      Blocks.readAt(channel, pos, dst);
    } catch (java.io.EOFException e) {
      throw pastEnd(what, pos, n, size()); // the file was cut short while it was read
    }
  }

  /** Reads {@code n} bytes at {@code pos} into a new little-endian heap buffer. */
  ByteBuffer readLe(long pos, int n, String what) throws IOException {
    return readBe(pos, n, what).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads {@code n} bytes at {@code pos} into a new big-endian heap buffer. */
  ByteBuffer readBe(long pos, int n, String what) throws IOException {
    if (n < 0) {
      throw fail(what + " has a negative length (" + n + "): the image is damaged");
    }
    check(pos, n, what); // before the buffer is allocated: n may be huge
    ByteBuffer b = ByteBuffer.allocate(n);
    fill(pos, b, what);
    return b.flip();
  }

  private DiskFormatException pastEnd(String what, long pos, int n, long len) {
    return fail(
        what
            + " ("
            + n
            + " bytes at byte "
            + Long.toUnsignedString(pos)
            + ") lies past the end of the file ("
            + len
            + " bytes): the image is truncated or damaged");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
