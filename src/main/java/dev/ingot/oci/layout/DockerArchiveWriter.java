package dev.ingot.oci.layout;

import dev.ingot.fs.Digest;
import dev.ingot.fs.compress.Compression;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.Json;
import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes images in the format of {@code docker save} ({@code docker-archive}, loadable by {@code
 * docker load} and {@code podman load}): {@code manifest.json}, the config as {@code <hex>.json}
 * and each layer uncompressed as {@code <diff id hex>/layer.tar}, so that the config's diff ids
 * name the files. Layers are decompressed into {@code work} first (and checked against their diff
 * ids), then the archive is written atomically. Names must be "repository:tag". Thread-safe.
 */
public final class DockerArchiveWriter {
  private DockerArchiveWriter() {}

  public static void write(Path file, List<Tagged> images, long mtime, Path work)
      throws IOException {
    Files.createDirectories(work);
    Path tmp = Files.createTempDirectory(work, "docker-archive");
    try {
      ArchiveEntries a = new ArchiveEntries();
      Map<Digest, Map<String, Object>> byImage = new LinkedHashMap<>();
      for (Tagged t : images) {
        Image img = t.image();
        Map<String, Object> entry = byImage.get(img.digest());
        if (entry == null) {
          entry = describe(img, a, tmp);
          byImage.put(img.digest(), entry);
        }
        if (t.name() != null) {
          @SuppressWarnings("unchecked")
          List<String> tags = (List<String>) entry.get("RepoTags");
          tags.add(t.name());
        }
      }
      a.bytes(
          "manifest.json",
          Json.write(new ArrayList<>(byImage.values())).getBytes(StandardCharsets.UTF_8));
      a.writeTo(file, mtime);
    } finally {
      AtomicOutput.deleteTree(tmp);
    }
  }

  private static Map<String, Object> describe(Image img, ArchiveEntries a, Path tmp)
      throws IOException {
    Digest config = img.manifest().config().digest();
    a.file(config.hex() + ".json", img.blobs().size(config), () -> img.blobs().open(config));
    List<String> layers = new ArrayList<>();
    List<Digest> diffIds = img.config().diffIds();
    for (int i = 0; i < img.manifest().layers().size(); i++) {
      Descriptor l = img.manifest().layers().get(i);
      Digest diffId = diffIds.get(i);
      Path raw = tmp.resolve(diffId.hex() + ".tar");
      if (!Files.exists(raw)) {
        decompress(img, l, diffId, raw);
      }
      String name = diffId.hex() + "/layer.tar";
      a.dir(diffId.hex());
      a.file(name, Files.size(raw), () -> Files.newInputStream(raw));
      layers.add(name);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Config", config.hex() + ".json");
    m.put("RepoTags", new ArrayList<String>());
    m.put("Layers", layers);
    return m;
  }

  private static void decompress(Image img, Descriptor l, Digest diffId, Path raw)
      throws IOException {
    MessageDigest md = diffId.newHasher();
    try (InputStream in = Compression.autoDecompress(img.blobs().open(l.digest()));
        OutputStream out = new DigestOutputStream(Files.newOutputStream(raw), md)) {
      in.transferTo(out);
    }
    Digest got = diffId.withRaw(md.digest());
    if (!got.equals(diffId)) {
      throw new IOException(
          "layer " + l.digest() + " decompresses to " + got + ", but the config says " + diffId);
    }
  }
}
