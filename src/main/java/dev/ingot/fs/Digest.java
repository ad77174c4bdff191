package dev.ingot.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest in OCI form, {@code algorithm:hex}. Only sha256 and sha512 are accepted. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  public Digest {
    int want =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default ->
              throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        };
    if (hex.length() != want || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("malformed " + algorithm + " digest: " + hex);
    }
  }

  /** Parses {@code sha256:<64 hex>} or {@code sha512:<128 hex>}. */
  public static Digest parse(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("digest has no algorithm prefix: " + s);
    }
    return new Digest(s.substring(0, colon), s.substring(colon + 1));
  }

  public static Digest sha256(byte[] data) {
    return new Digest("sha256", HexFormat.of().formatHex(sha256Md().digest(data)));
  }

  public static Digest sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code in} to the end and returns its sha256. Does not close the stream. */
  public static Digest sha256(InputStream in) throws IOException {
    MessageDigest md = sha256Md();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return fromSha256(md.digest());
  }

  public static Digest fromSha256(byte[] raw) {
    return new Digest("sha256", HexFormat.of().formatHex(raw));
  }

  public static MessageDigest sha256Md() {
    return hasher("sha256");
  }

  /**
   * A new hasher for this digest's algorithm. Content is checked against a digest with its own
   * algorithm: layouts written by other tools may name blobs by sha512 (Ingot writes sha256).
   */
  public MessageDigest newHasher() {
    return hasher(algorithm);
  }

  /** The digest of {@code raw}, the output of {@link #newHasher()}, in this digest's algorithm. */
  public Digest withRaw(byte[] raw) {
    return new Digest(algorithm, HexFormat.of().formatHex(raw));
  }

  /**
   * A hasher for content that is to be named {@code expected} (its algorithm), or by sha256 when
   * nothing is expected; {@link #named} names what it computed. For the blob stores' puts.
   */
  public static MessageDigest hasherFor(Digest expected) {
    return expected == null ? sha256Md() : expected.newHasher();
  }

  /** The digest a {@link #hasherFor}{@code (expected)} hasher computed as {@code raw}. */
  public static Digest named(Digest expected, byte[] raw) {
    return expected == null ? fromSha256(raw) : expected.withRaw(raw);
  }

  /** Whether {@code data} hashes, with this digest's algorithm, to this digest. */
  public boolean matches(byte[] data) {
    return equals(withRaw(newHasher().digest(data)));
  }

  private static MessageDigest hasher(String algorithm) {
    String jdkName = algorithm.equals("sha512") ? "SHA-512" : "SHA-256";
    try {
      return MessageDigest.getInstance(jdkName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + jdkName, e);
    }
  }

  /** The hex part only, as used for blob file names. */
  public String encoded() {
    return hex;
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }
}
