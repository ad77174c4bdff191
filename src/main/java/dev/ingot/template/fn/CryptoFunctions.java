package dev.ingot.template.fn;

import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hashes of strings (hex or Base64) and UUIDs. */
final class CryptoFunctions {
  private static final Map<String, String> NAMESPACES =
      Map.of(
          "dns", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
          "url", "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
          "oid", "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
          "x500", "6ba7b814-9dad-11d1-80b4-00c04fd430c8");

  private CryptoFunctions() {}

  static List<Function> all() {
    return List.of(
        hex("md5", "MD5"),
        hex("sha1", "SHA-1"),
        hex("sha256", "SHA-256"),
        hex("sha512", "SHA-512"),
        b64("base64sha256", "SHA-256"),
        b64("base64sha512", "SHA-512"),
        Fn.builder("uuidv4", "Returns a new random UUID (version 4).")
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(ctx.uuids().get().toString())),
        Fn.builder(
                "bcrypt",
                "Returns the bcrypt hash of the string (a random salt each call), for password"
                    + " files; cost is 10 unless given (4-31).")
            .param("str", Type.STRING)
            .variadic("cost", Type.NUMBER)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(bcrypt(a))),
        Fn.builder(
                "uuidv5",
                "Returns the name-based UUID (version 5) of a name in a namespace (dns, url, oid, x500 or a UUID).")
            .param("namespace", Type.STRING)
            .param("name", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(uuidv5(a.get(0).asString(), a.get(1).asString()))));
  }

  private static Function hex(String name, String algorithm) {
    return Fn.builder(
            name, "Returns the " + algorithm + " hash of the string's UTF-8 bytes, in hexadecimal.")
        .param("str", Type.STRING)
        .returns(Type.STRING)
        .body(
            (a, ctx) ->
                Value.string(
                    HexFormat.of()
                        .formatHex(
                            digest(
                                algorithm, a.get(0).asString().getBytes(StandardCharsets.UTF_8)))));
  }

  private static Function b64(String name, String algorithm) {
    return Fn.builder(
            name, "Returns the " + algorithm + " hash of the string's UTF-8 bytes, in Base64.")
        .param("str", Type.STRING)
        .returns(Type.STRING)
        .body(
            (a, ctx) ->
                Value.string(
                    Base64.getEncoder()
                        .encodeToString(
                            digest(
                                algorithm, a.get(0).asString().getBytes(StandardCharsets.UTF_8)))));
  }

  private static final int BCRYPT_DEFAULT_COST = 10;

  /**
   * As Go's bcrypt, which Packer uses: version 2a, a cost below 4 means the default, more than 31
   * is an error, and only the first 72 bytes of the password count.
   */
  private static String bcrypt(List<Value> a) throws FunctionException {
    if (a.size() > 2) {
      throw FunctionException.failed("bcrypt", "takes at most one cost argument");
    }
    long cost = a.size() == 2 ? Args.whole(a.get(1), 1, "cost") : BCRYPT_DEFAULT_COST;
    if (cost > 31) {
      throw FunctionException.argument(
          1, "cost", "crypto/bcrypt: cost " + cost + " is outside allowed range (4,31)");
    }
    if (cost < 4) {
      cost = BCRYPT_DEFAULT_COST;
    }
    byte[] pw = a.get(0).asString().getBytes(StandardCharsets.UTF_8);
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    return org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate(
        "2a", java.util.Arrays.copyOf(pw, Math.min(pw.length, 72)), salt, (int) cost);
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static String uuidv5(String namespace, String name) throws FunctionException {
    String ns = NAMESPACES.getOrDefault(namespace, namespace);
    UUID nsUuid;
    try {
      if (!ns.matches(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
        throw new IllegalArgumentException();
      }
      nsUuid = UUID.fromString(ns);
    } catch (IllegalArgumentException e) {
      throw FunctionException.argument(
          0,
          "namespace",
          "uuidv5() doesn't support namespace "
              + namespace
              + "; use dns, url, oid, x500 or a UUID");
    }
    ByteBuffer in = ByteBuffer.allocate(16 + name.getBytes(StandardCharsets.UTF_8).length);
    in.putLong(nsUuid.getMostSignificantBits())
        .putLong(nsUuid.getLeastSignificantBits())
        .put(name.getBytes(StandardCharsets.UTF_8));
    byte[] h = digest("SHA-1", in.array());
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer out = ByteBuffer.wrap(h, 0, 16);
    return new UUID(out.getLong(), out.getLong()).toString();
  }
}
