package dev.ingot.oci.layout;

import dev.ingot.fs.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes images as an OCI layout in a tar file ({@code oci-archive}, as skopeo and podman read it):
 * the same members as {@link OciLayoutWriter}, with fixed owners and mtimes ({@code mtime} in
 * seconds), written atomically. Thread-safe (no state).
 */
public final class OciArchiveWriter {
  private OciArchiveWriter() {}

  public static void write(Path file, List<Tagged> images, long mtime) throws IOException {
    ArchiveEntries a = new ArchiveEntries();
    a.dir("blobs");
    a.dir("blobs/sha256");
    Set<String> dirs = new HashSet<>(Set.of("sha256"));
    for (Tagged t : images) {
      for (Digest d : t.image().blobDigests()) {
        // A blob read from another tool's layout keeps its algorithm's name (sha512).
        if (dirs.add(d.algorithm())) {
          a.dir("blobs/" + d.algorithm());
        }
        a.file(
            "blobs/" + d.algorithm() + "/" + d.hex(),
            t.image().blobs().size(d),
            () -> t.image().blobs().open(d));
      }
    }
    a.bytes("index.json", OciLayoutWriter.index(images));
    a.bytes("oci-layout", OciLayoutWriter.LAYOUT_FILE.getBytes(StandardCharsets.UTF_8));
    a.writeTo(file, mtime);
  }
}
