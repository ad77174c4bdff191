package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest bytes {@code [start, start + length)} of another disk as a disk of their own, for
 * writing an image in extents (a split VMDK). Closing it leaves the disk it views open. Thread-safe
 * as the viewed disk is.
 */
final class WindowReader implements DiskReader {
  private final DiskReader disk;
  private final long start;
  private final long length;

  WindowReader(DiskReader disk, long start, long length) {
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("bad window " + start + "+" + length);
    }
    this.disk = disk;
    this.start = start;
    this.length = length;
  }

  @Override
  public DiskFormat format() {
    return disk.format();
  }

  @Override
  public long virtualSize() {
    return length;
  }

  @Override
  public Extents allocated() throws IOException {
    Extents all = disk.allocated();
    List<long[]> in = new ArrayList<>();
    for (int i = 0; i < all.count(); i++) {
      long s = Math.max(all.start(i), start);
      long e = Math.min(all.end(i), start + length);
      if (e > s) {
        in.add(new long[] {s - start, e - start});
      }
    }
    return Extents.of(in);
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    long inside = Math.max(0, Math.min(dst.remaining(), length - offset));
    if (inside > 0) {
      ByteBuffer part = dst.slice(dst.position(), (int) inside);
      disk.read(start + offset, part);
      dst.position(dst.position() + (int) inside);
    }
    while (dst.hasRemaining()) {
      dst.put((byte) 0); // past the window: zeros, as past a disk's end
    }
  }

  @Override
  public DiskInfo info() throws IOException {
    return disk.info();
  }

  @Override
  public List<java.nio.file.Path> files() {
    return disk.files();
  }

  @Override
  public void close() {
    // The viewed disk belongs to the caller.
  }
}
