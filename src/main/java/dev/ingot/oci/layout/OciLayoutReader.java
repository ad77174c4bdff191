package dev.ingot.oci.layout;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.Image;
import dev.ingot.oci.model.ImageConfig;
import dev.ingot.oci.model.ImageIndex;
import dev.ingot.oci.model.Manifest;
import dev.ingot.oci.model.MediaTypes;
import dev.ingot.oci.model.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens images in an OCI layout directory, or in any blob store holding an index. Manifests and
 * configs are checked against their digests as they are read; layers are checked by whoever reads
 * them. Thread-safe (no state).
 */
public final class OciLayoutReader {
  private OciLayoutReader() {}

  /**
   * The image named {@code name} (the ref.name annotation; null takes the only entry) for {@code
   * platform} (null: the only or first manifest), from the layout at {@code dir}.
   */
  public static Image open(Path dir, String name, Platform platform) throws IOException {
    Path idx = dir.resolve("index.json");
    if (!Files.isRegularFile(dir.resolve("oci-layout")) || !Files.isRegularFile(idx)) {
      throw new NoSuchFileException(dir + " is not an OCI image layout (no oci-layout/index.json)");
    }
    checkJsonSize(Files.size(idx), idx.toString());
    return fromIndex(Files.readAllBytes(idx), new LayoutBlobs(dir), name, platform, dir.toString());
  }

  /**
   * An index, manifest or config (or a docker-archive's manifest.json) larger than this is refused
   * before it is read into memory: an index of 16 MiB lists some 50,000 images, and real configs
   * and manifests are a few KiB.
   */
  static final long MAX_JSON = 16 << 20;

  /** Refuses a JSON document of {@code size} bytes over {@link #MAX_JSON}. */
  static void checkJsonSize(long size, String what) throws IOException {
    if (size > MAX_JSON) {
      throw new IOException(
          what + " is " + size + " bytes, more than the " + (MAX_JSON >> 20) + " MiB Ingot reads");
    }
  }

  static Image fromIndex(byte[] indexBytes, BlobStore blobs, String name, Platform p, String where)
      throws IOException {
    ImageIndex index =
        parsed(where, "index.json", () -> ImageIndex.parse(indexBytes, MediaTypes.OCI_INDEX));
    Descriptor pick = null;
    for (Descriptor d : index.manifests()) {
      String n = d.annotations().get(OciLayoutWriter.REF_NAME);
      if (name == null ? index.manifests().size() == 1 : name.equals(n)) {
        pick = d;
        break;
      }
    }
    if (pick == null) {
      throw new IOException(
          where
              + (name == null
                  ? " holds " + index.manifests().size() + " images; name one (PATH:NAME)"
                  : " has no image named '" + name + "'"));
    }
    return resolve(blobs, pick, p, where);
  }

  /** Indexes nested deeper than this are refused: real images nest one or two. */
  static final int MAX_NESTED_INDEXES = 64;

  /**
   * Follows {@code d} through nested indexes to one image manifest for the platform, in a loop: a
   * chain of 5,000 indexes overflowed the stack when this recursed.
   */
  public static Image resolve(BlobStore blobs, Descriptor d, Platform p, String where)
      throws IOException {
    Descriptor cur = d;
    for (int depth = 0; ; depth++) {
      byte[] bytes = read(blobs, cur.digest(), where);
      String blob = "blob " + cur.digest();
      String declared = parsed(where, blob, () -> ImageIndex.declaredMediaType(bytes));
      String mt = declared != null ? declared : cur.mediaType();
      if (!MediaTypes.isIndex(mt)) {
        Manifest m = parsed(where, "manifest " + cur.digest(), () -> Manifest.parse(bytes, mt));
        byte[] config = read(blobs, m.config().digest(), where);
        ImageConfig c =
            parsed(where, "config " + m.config().digest(), () -> ImageConfig.parse(config));
        Descriptor md =
            Descriptor.of(m.mediaType(), cur.digest(), bytes.length).withPlatform(c.platform());
        return new Image(md, m, c, blobs);
      }
      if (depth >= MAX_NESTED_INDEXES) {
        throw new IOException(
            where + ": image indexes nested more than " + MAX_NESTED_INDEXES + " deep");
      }
      ImageIndex inner = parsed(where, "index " + cur.digest(), () -> ImageIndex.parse(bytes, mt));
      Descriptor next =
          p == null
              ? inner.manifests().stream().findFirst().orElse(null)
              : inner.forPlatform(p).orElse(null);
      if (next == null) {
        throw new IOException(where + " has no image for platform " + p);
      }
      cur = next;
    }
  }

  /**
   * The model's parse errors ("field size must be a number") say what is wrong, not in which of a
   * layout's many blobs: {@code what} names it.
   */
  static <T> T parsed(String where, String what, java.util.function.Supplier<T> parse)
      throws IOException {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": " + what + ": " + e.getMessage(), e);
    }
  }

  static byte[] read(BlobStore blobs, Digest d, String where) throws IOException {
    if (!blobs.has(d)) {
      throw new NoSuchFileException(where + " lacks blob " + d);
    }
    checkJsonSize(blobs.size(d), where + ": blob " + d);
    byte[] b;
    try (InputStream in = blobs.open(d)) {
      b = in.readAllBytes();
    }
    if (!d.matches(b)) {
      throw new IOException(where + ": blob " + d + " does not match its digest");
    }
    return b;
  }
}
