package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A raw image: guest byte N is file byte N. Holes are found with {@link SparseFiles} when the
 * platform allows, else the whole file counts as allocated and converters test blocks for zeros.
 * Converters look at the bytes through {@link #view}, a read-only memory map of the file, which
 * spares copying every byte into a buffer: zero tests, deflate and writes read the page cache
 * directly. The maps live until garbage collected (the JDK cannot unmap a buffer), so they hold
 * only address space, never a copy. An input truncated while it is read makes the access fault,
 * which the JDK reports as an InternalError and the pipelines as an IOException. Thread-safe.
 */
public final class RawReader implements DiskReader {
  private final FileChannel ch;
  private final Path path;
  private final long size;
  private final long dataOffset;
  // Maps of the file by 1 GiB region, made on first use (guarded by this).
  private final MappedByteBuffer[] regions;

  private RawReader(FileChannel ch, Path path, long size, long dataOffset) {
    this.ch = ch;
    this.path = path;
    this.size = size;
    this.dataOffset = dataOffset;
    this.regions = new MappedByteBuffer[(int) Blocks.ceilDiv(size, REGION)];
  }

  private static final long REGION = 1L << 30;

  public static RawReader open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    return new RawReader(ch, path, ch.size(), 0);
  }

  /** A window {@code [offset, offset + size)} of an open file, e.g. the data of a fixed VHD. */
  static RawReader window(FileChannel ch, Path path, long offset, long size) {
    return new RawReader(ch, path, size, offset);
  }

  @Override
  public DiskFormat format() {
    return DiskFormat.RAW;
  }

  @Override
  public long virtualSize() {
    return size;
  }

  @Override
  public Extents allocated() throws IOException {
    if (dataOffset != 0) {
      return Extents.all(size);
    }
    return SparseFiles.dataExtents(path, size);
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    Blocks.readFully(ch, dataOffset, size, offset, dst);
  }

  /**
   * The guest bytes {@code [offset, offset + length)} as a read-only view of a memory map, or null
   * when they do not all lie in one region inside the file (the caller reads them instead).
   */
  ByteBuffer view(long offset, int length) throws IOException {
    long end = offset + length;
    if (offset < 0 || length <= 0 || end > size || offset / REGION != (end - 1) / REGION) {
      return null;
    }
    int r = (int) (offset / REGION);
    return region(r).slice((int) (offset - r * REGION), length);
  }

  private synchronized MappedByteBuffer region(int r) throws IOException {
    if (regions[r] == null) {
      long start = r * REGION;
      long len = Math.min(REGION, size - start);
      regions[r] = ch.map(FileChannel.MapMode.READ_ONLY, dataOffset + start, len);
    }
    return regions[r];
  }

  @Override
  public DiskInfo info() throws IOException {
    return new DiskInfo(DiskFormat.RAW, size, ch.size(), 0, "", Map.of());
  }

  @Override
  public java.util.List<Path> files() {
    return java.util.List.of(path);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
