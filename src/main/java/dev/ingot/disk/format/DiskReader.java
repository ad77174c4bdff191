package dev.ingot.disk.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A virtual disk opened for reading, whatever its format. Reads are positional and thread-safe, so
 * a converter may read blocks on several threads at once.
 */
public interface DiskReader extends Closeable {
  DiskFormat format();

  /** Size of the virtual disk in bytes. */
  long virtualSize();

  /** Where data may be; the rest reads as zeros, so converters skip it without reading. */
  Extents allocated() throws IOException;

  /**
   * Fills {@code dst} (from its position to its limit) with the guest bytes at {@code offset}.
   * Bytes past the virtual size and in unallocated areas read as zeros. Thread-safe.
   */
  void read(long offset, ByteBuffer dst) throws IOException;

  /** Format details for {@code disk-info}: subformat, cluster size and the like. */
  DiskInfo info() throws IOException;

  /**
   * Every file this disk is read from: the image, and its extents or backing files. A conversion
   * must not replace any of them.
   */
  java.util.List<java.nio.file.Path> files();
}
