package dev.ingot.oci.layer;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.compress.Compression;
import dev.ingot.fs.tar.TarWriter;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Json;
import dev.ingot.oci.model.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a layer tree as a compressed tar blob in one pass (tar → diff id digest → compressor →
 * blob digest → file) and stores it in the image blob store. The result is cached under a key that
 * hashes the tree's entries (metadata and content digests) and the settings: the tar writer is
 * deterministic, so an unchanged layer is never rendered or compressed twice. Thread-safe.
 */
public final class LayerBuilder {
  /** How to render: compression, its level, threads, and the SOURCE_DATE_EPOCH in seconds. */
  public record Settings(Compression compression, int level, int threads, long sourceDateEpoch) {
    public String mediaType() {
      return switch (compression) {
        case GZIP -> MediaTypes.OCI_LAYER_GZIP;
        case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
        case NONE -> MediaTypes.OCI_LAYER;
        case XZ -> throw new IllegalArgumentException("xz layers are not written");
      };
    }
  }

  private final BlobStore contents;
  private final BlobStore images;
  private final Path index;

  /**
   * @param contents where the tree's file contents are
   * @param images where layer blobs go
   * @param index directory of the cache index (key → layer)
   */
  public LayerBuilder(BlobStore contents, BlobStore images, Path index) {
    this.contents = contents;
    this.images = images;
    this.index = index;
  }

  public Layer build(FileTree tree, Settings s) throws IOException {
    Digest key = cacheKey(tree, s);
    Path entry = index.resolve(key.hex() + ".json");
    Layer cached = readIndex(entry, s);
    if (cached != null) {
      return cached;
    }
    Files.createDirectories(index);
    Path tmp = Files.createTempFile(index, "layer", ".part");
    try {
      MessageDigest diff = Digest.sha256Md();
      MessageDigest blob = Digest.sha256Md();
      CountingOutputStream raw;
      CountingOutputStream packed;
      try (OutputStream file = Files.newOutputStream(tmp)) {
        packed = new CountingOutputStream(new DigestOutputStream(file, blob));
        OutputStream comp = s.compression().compress(packed, s.level(), s.threads());
        raw = new CountingOutputStream(new DigestOutputStream(comp, diff));
        new TarWriter(contents, new TarWriter.Options(s.sourceDateEpoch(), false)).write(tree, raw);
        raw.close();
      }
      Digest d = Digest.fromSha256(blob.digest());
      try (InputStream in = Files.newInputStream(tmp)) {
        images.put(in, d);
      }
      Layer l =
          new Layer(
              Descriptor.of(s.mediaType(), d, packed.count()),
              Digest.fromSha256(diff.digest()),
              raw.count());
      writeIndex(entry, l);
      return l;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Layer readIndex(Path entry, Settings s) throws IOException {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      Map<String, Object> m = Json.object(Files.readString(entry));
      Digest d = Digest.parse((String) m.get("digest"));
      if (!images.has(d)) {
        return null;
      }
      return new Layer(
          Descriptor.of(s.mediaType(), d, ((Number) m.get("size")).longValue()),
          Digest.parse((String) m.get("diffId")),
          ((Number) m.get("uncompressedSize")).longValue());
    } catch (RuntimeException e) {
      return null; // A damaged index entry is rebuilt, not trusted.
    }
  }

  private static void writeIndex(Path entry, Layer l) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("digest", l.descriptor().digest().toString());
    m.put("size", l.descriptor().size());
    m.put("diffId", l.diffId().toString());
    m.put("uncompressedSize", l.uncompressedSize());
    Path tmp = Files.createTempFile(entry.getParent(), "idx", ".part");
    Files.writeString(tmp, Json.write(m));
    try {
      Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Hashes what determines the layer's bytes. The thread count does not change them. */
  static Digest cacheKey(FileTree tree, Settings s) {
    MessageDigest md = Digest.sha256Md();
    String head =
        "ingot-layer-v1 " + s.compression() + " " + s.level() + " " + s.sourceDateEpoch() + "\n";
    md.update(head.getBytes(StandardCharsets.UTF_8));
    for (FileEntry e : tree.entries()) {
      String line =
          e.path()
              + "\0"
              + e.type()
              + " "
              + e.mode()
              + " "
              + e.uid()
              + " "
              + e.gid()
              + " "
              + e.mtime()
              + " "
              + e.size()
              + " "
              + e.content()
              + " "
              + e.linkTarget()
              + "\0"
              + e.devMajor()
              + " "
              + e.devMinor()
              + " "
              + e.xattrs()
              + "\n";
      md.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return Digest.fromSha256(md.digest());
  }
}
