package dev.ingot.disk.format;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Alters bytes of an image in place, as a damaged or hostile file would have them. */
final class Patch {
  private Patch() {}

  static void bytes(Path file, long pos, byte[] bytes) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(pos);
      f.write(bytes);
    }
  }

  /** A big-endian long (qcow2, VHD). */
  static void longBe(Path file, long pos, long value) throws Exception {
    bytes(file, pos, ByteBuffer.allocate(8).putLong(value).array());
  }

  /** A little-endian long (VMDK). */
  static void longLe(Path file, long pos, long value) throws Exception {
    longBe(file, pos, Long.reverseBytes(value));
  }

  static long readLongBe(Path file, long pos) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(pos);
      return f.readLong();
    }
  }

  /** Rewrites the checksum of the VHD footer that ends {@code vhd}, after a field was patched. */
  static void vhdChecksum(Path vhd) throws Exception {
    vhdChecksum(vhd, Files.size(vhd) - 512, 512, 64);
  }

  /**
   * Rewrites the one's-complement checksum at {@code field} of the {@code length}-byte VHD
   * structure at {@code at} (a footer, its copy, or the dynamic header).
   */
  static void vhdChecksum(Path vhd, long at, int length, int field) throws Exception {
    byte[] b = new byte[length];
    try (RandomAccessFile f = new RandomAccessFile(vhd.toFile(), "rw")) {
      f.seek(at);
      f.readFully(b);
      f.seek(at + field);
      f.writeInt(VhdFooter.expectedChecksum(b, field));
    }
  }
}
