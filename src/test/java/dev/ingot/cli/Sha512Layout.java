package dev.ingot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Copies a one-image OCI layout written by Ingot (sha256) to one whose blobs are all sha512. */
final class Sha512Layout {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sha512Layout() {}

  static void rewrite(Path from, Path to) throws IOException {
    Files.createDirectories(to.resolve("blobs/sha512"));
    Files.copy(from.resolve("oci-layout"), to.resolve("oci-layout"));
    ObjectNode index = (ObjectNode) JSON.readTree(from.resolve("index.json").toFile());
    ObjectNode top = (ObjectNode) index.path("manifests").get(0);
    ObjectNode manifest = (ObjectNode) JSON.readTree(blob(from, top.path("digest").asText()));
    ArrayNode diffIds = JSON.createArrayNode();
    for (var l : manifest.path("layers")) {
      byte[] b = blob(from, l.path("digest").asText());
      ((ObjectNode) l).put("digest", put(to, b));
      boolean gzip = l.path("mediaType").asText().endsWith("+gzip");
      try (InputStream in = new ByteArrayInputStream(b)) {
        diffIds.add(sha512(gzip ? new GZIPInputStream(in).readAllBytes() : b));
      }
    }
    ObjectNode cd = (ObjectNode) manifest.path("config");
    ObjectNode config = (ObjectNode) JSON.readTree(blob(from, cd.path("digest").asText()));
    ((ObjectNode) config.path("rootfs")).set("diff_ids", diffIds);
    byte[] cb = JSON.writeValueAsBytes(config);
    cd.put("digest", put(to, cb)).put("size", cb.length);
    byte[] mb = JSON.writeValueAsBytes(manifest);
    top.put("digest", put(to, mb)).put("size", mb.length);
    JSON.writeValue(to.resolve("index.json").toFile(), index);
  }

  private static byte[] blob(Path layout, String digest) throws IOException {
    return Files.readAllBytes(layout.resolve("blobs").resolve(digest.replace(':', '/')));
  }

  private static String put(Path layout, byte[] b) throws IOException {
    String d = sha512(b);
    Files.write(layout.resolve("blobs").resolve(d.replace(':', '/')), b);
    return d;
  }

  static String sha512(byte[] b) {
    try {
      return "sha512:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
