package dev.ingot.disk.format;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * A deterministic id of a disk's contents, folded from per-chunk checksums in chunk order, for the
 * fields that formats fill with random ids (VMDK CID and longContentID, VHD unique id): the same
 * source gives the same bytes. Not a security hash. Not thread-safe.
 */
final class ContentId {
  private long h = 0xcbf29ce484222325L;

  /** Folds in one chunk's checksum. */
  void add(long chunk, int crc) {
    h = (h ^ (chunk * 0x9E3779B97F4A7C15L)) * 0x100000001B3L;
    h = (h ^ (crc & 0xffffffffL)) * 0x100000001B3L;
  }

  /** Folds in a value that is not content (the virtual size). */
  void add(long value) {
    add(-1, (int) value);
    add(-2, (int) (value >>> 32));
  }

  int cid() {
    return (int) (h ^ (h >>> 32));
  }

  /** 16 bytes derived from the id, for a 128-bit unique id field. */
  byte[] bytes16() {
    byte[] seed = ByteBuffer.allocate(8).putLong(h).array();
    byte[] d = dev.ingot.fs.Digest.sha256Md().digest(seed);
    return java.util.Arrays.copyOf(d, 16);
  }

  String hex32() {
    return HexFormat.of().formatHex(bytes16());
  }
}
