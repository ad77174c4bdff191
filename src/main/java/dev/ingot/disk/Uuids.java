package dev.ingot.disk;

import dev.ingot.fs.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic UUIDs for disk, partition and filesystem ids, so that the same inputs give the same
 * image bytes: version-4 shaped UUIDs derived from SHA-256 of a seed and a role. Pure.
 */
public final class Uuids {
  private Uuids() {}

  public static UUID derive(String seed, String role) {
    byte[] h = Digest.sha256Md().digest((seed + "\0" + role).getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x40);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h);
    return new UUID(b.getLong(), b.getLong());
  }
}
