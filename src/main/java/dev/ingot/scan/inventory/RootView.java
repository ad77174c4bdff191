package dev.ingot.scan.inventory;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to a root filesystem being scanned, whatever holds it: a {@link
 * dev.ingot.fs.FileTree} with its blobs, a directory on disk, an image read into a tree. Paths are
 * tree paths ("etc/passwd"). Symlinks are resolved inside the root, as in a chroot, so nothing
 * outside it is ever read. Implementations are not required to be thread-safe.
 */
public interface RootView {
  /** The entry at {@code path} itself (a symlink is returned as the link), if any. */
  Optional<FileEntry> entry(String path) throws IOException;

  /** Names of the entries directly inside directory {@code dir} (resolved), sorted. */
  List<String> list(String dir) throws IOException;

  /** Every entry of the root, sorted by path; for checks that look at all files. */
  Iterable<FileEntry> entries() throws IOException;

  /** The content of the regular file at {@code path} (already resolved, no symlinks). */
  byte[] readResolved(FileEntry regular) throws IOException;

  /** A one-line description ("directory /srv/rootfs", "root filesystem tree") for reports. */
  String describe();

  /** Follows symlinks in every component of {@code path}; empty when something is missing. */
  default Optional<FileEntry> resolve(String path) throws IOException {
    String p = FsPaths.normalize(path);
    for (int hops = 0; hops < 40; hops++) {
      String done = "";
      String[] parts = p.isEmpty() ? new String[0] : p.split("/");
      boolean restarted = false;
      for (int i = 0; i < parts.length; i++) {
        String cur = done.isEmpty() ? parts[i] : done + "/" + parts[i];
        Optional<FileEntry> e = entry(cur);
        if (e.isEmpty()) {
          return Optional.empty();
        }
        FileEntry fe = e.get();
        if (fe.type() == FileType.SYMLINK) {
          String target = FsPaths.resolveLink(cur, fe.linkTarget());
          String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
          p = rest.isEmpty() ? target : (target.isEmpty() ? rest : target + "/" + rest);
          restarted = true;
          break;
        }
        if (fe.type() == FileType.HARDLINK && i == parts.length - 1) {
          return entry(fe.linkTarget());
        }
        done = cur;
      }
      if (!restarted) {
        return p.isEmpty() ? entry("") : entry(p);
      }
    }
    throw new IOException("too many levels of symbolic links at " + path);
  }

  /** The content of the file at {@code path} after resolving links; empty when it is absent. */
  default Optional<byte[]> read(String path) throws IOException {
    Optional<FileEntry> e = resolve(path);
    if (e.isEmpty() || !e.get().isRegular()) {
      return Optional.empty();
    }
    // Metadata files (dpkg status, os-release) are small; a 3 GB one ran out of memory.
    if (e.get().size() > MAX_READ) {
      throw new IOException(
          describe()
              + ": "
              + path
              + " is "
              + e.get().size()
              + " bytes, more than the "
              + (MAX_READ >> 20)
              + " MiB Ingot reads of a package database or release file");
    }
    return Optional.of(readResolved(e.get()));
  }

  /** The largest file {@link #read} reads. */
  long MAX_READ = 256L << 20;

  /** Like {@link #read} as UTF-8 text. */
  default Optional<String> readText(String path) throws IOException {
    return read(path).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
  }
}
