package dev.ingot.disk.customize;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Helpers for editing a tree: text files in and out of the blob store, systemd unit links. */
final class Trees {
  private Trees() {}

  static void putText(
      FileTree.Builder b, BlobStore blobs, String path, String text, int mode, long t)
      throws IOException {
    putBytes(b, blobs, path, text.getBytes(StandardCharsets.UTF_8), mode, 0, 0, t);
  }

  static void putBytes(
      FileTree.Builder b,
      BlobStore blobs,
      String path,
      byte[] data,
      int mode,
      int uid,
      int gid,
      long t)
      throws IOException {
    Digest d = data.length == 0 ? null : blobs.put(new ByteArrayInputStream(data));
    b.putWithParents(FileEntry.file(path, mode, uid, gid, t, data.length, d), 0755, t);
  }

  /** The text of a regular file of the tree, if there is one. */
  static Optional<String> text(FileTree.Builder b, BlobStore blobs, String path)
      throws IOException {
    Optional<FileEntry> e = b.get(path);
    if (e.isEmpty() || !e.get().isRegular()) {
      return Optional.empty();
    }
    if (e.get().content() == null) {
      return Optional.of("");
    }
    try (InputStream in = blobs.open(e.get().content())) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Enables {@code unit} as systemctl enable does for {@code WantedBy=target}. */
  static void enable(FileTree.Builder b, String unit, String target, long t) {
    String dir = "etc/systemd/system/" + target + ".wants";
    b.putWithParents(FileEntry.symlink(dir + "/" + unit, unitPath(b, unit), 0, 0, t), 0755, t);
  }

  /** Where a unit file lives: the admin's directory first, then the vendor's. */
  static String unitPath(FileTree.Builder b, String unit) {
    for (String d :
        new String[] {"etc/systemd/system/", "usr/lib/systemd/system/", "lib/systemd/system/"}) {
      if (b.get(d + unit).isPresent()) {
        return "/" + d + unit;
      }
    }
    return "/lib/systemd/system/" + unit;
  }
}
