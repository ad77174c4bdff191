package dev.ingot.oci.layout;

import dev.ingot.fs.Digest;
import dev.ingot.oci.model.Descriptor;
import dev.ingot.oci.model.ImageIndex;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.OutputModes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes images as an OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/…}), atomically: the directory appears complete or not at all. Each image's index
 * entry carries {@code org.opencontainers.image.ref.name} when it has a name, which is how skopeo
 * and umoci address it ({@code oci:DIR:NAME}). Blobs are hard-linked from the store when it is on
 * the same filesystem, else copied. Thread-safe (no state).
 */
public final class OciLayoutWriter {
  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  static final String LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}";

  private OciLayoutWriter() {}

  public static void write(Path dir, List<Tagged> images) throws IOException {
    try (AtomicOutput out = AtomicOutput.directory(dir)) {
      writeInto(out.path(), images);
      out.commit(true);
    }
  }

  /** The index.json of a layout holding {@code images}. */
  static byte[] index(List<Tagged> images) {
    List<Descriptor> entries = new ArrayList<>();
    for (Tagged t : images) {
      Descriptor d = t.image().descriptor();
      entries.add(t.name() == null ? d : d.withAnnotations(Map.of(REF_NAME, t.name())));
    }
    return ImageIndex.oci(entries).toBytes();
  }

  private static void writeInto(Path tmp, List<Tagged> images) throws IOException {
    Files.createDirectories(tmp.resolve("blobs").resolve("sha256"));
    var mode = OutputModes.newFile();
    for (Tagged t : images) {
      for (Digest d : t.image().blobDigests()) {
        // A blob read from another tool's layout keeps its algorithm's name (sha512).
        Path dst =
            Files.createDirectories(tmp.resolve("blobs").resolve(d.algorithm())).resolve(d.hex());
        if (Files.exists(dst)) {
          continue;
        }
        Path src = t.image().blobs().path(d);
        // A link shares the cache blob's inode and so its mode: only one that already has the
        // mode of a published file is linked (changing it would open the cache, private bases
        // included, to everyone); others are copied and given that mode.
        if (OutputModes.has(src, mode)) {
          try {
            Files.createLink(dst, src);
            continue;
          } catch (FileAlreadyExistsException e) {
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // Another file system or no links: copied below.
          }
        }
        try (InputStream in = t.image().blobs().open(d)) {
          Files.copy(in, dst);
        }
        OutputModes.asNewFile(dst);
      }
    }
    Files.write(tmp.resolve("index.json"), index(images));
    Files.writeString(tmp.resolve("oci-layout"), LAYOUT_FILE, StandardCharsets.UTF_8);
  }
}
