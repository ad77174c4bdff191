package dev.ingot.fs.tar;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link FileTree} as a tar stream, entries in the tree's sorted order, headers as {@link
 * TarOutput} makes them (same tree, same options → same bytes). Regular file contents come from the
 * {@link BlobStore}. The root entry "" is written as "./" only when {@code includeRoot} (OCI layers
 * leave it out).
 *
 * <p>Hard links: in a tree a link points at a regular file anywhere in sort order, but in a tar the
 * target must come first. So the first path of each link group in sort order is written as the
 * regular file and the others as links to it. Reading the tar back gives the same files and link
 * groups, with that first path as the group's regular entry. A hard link whose target is not in the
 * tree (a layer linking into a lower layer) is written as it is. Thread-safe (no state).
 */
public final class TarWriter {
  /** {@code sourceDateEpoch} in seconds clamps mtimes (negative: no clamp). */
  public record Options(long sourceDateEpoch, boolean includeRoot) {
    public static final Options LAYER = new Options(-1, false);

    public Options withSourceDateEpoch(long sde) {
      return new Options(sde, includeRoot);
    }
  }

  private final BlobStore blobs;
  private final Options options;

  public TarWriter(BlobStore blobs, Options options) {
    this.blobs = blobs;
    this.options = options;
  }

  /** Writes the archive including its end blocks; does not close {@code out}. */
  public void write(FileTree tree, OutputStream out) throws IOException {
    Map<String, String> first = firstOfGroups(tree);
    TarOutput tar = new TarOutput(out, options.sourceDateEpoch());
    for (FileEntry e : tree.entries()) {
      if (e.path().isEmpty()) {
        if (options.includeRoot() && e.isDirectory()) {
          tar.write("./", e, null, null);
        }
        continue;
      }
      switch (e.type()) {
        case REGULAR -> {
          String f = first.get(e.path());
          if (f != null && !f.equals(e.path())) {
            tar.write(e.path(), asLink(e, f), f, null);
          } else {
            writeRegular(tar, e, e);
          }
        }
        case HARDLINK -> {
          FileEntry target = tree.get(e.linkTarget()).orElse(null);
          String f = target == null ? e.linkTarget() : first.get(target.path());
          if (f.equals(e.path())) {
            // The group's inode attributes (mode, owner, xattrs) are the target's.
            writeRegular(tar, target.withPath(e.path()), target);
          } else {
            tar.write(e.path(), e, f, null);
          }
        }
        case SYMLINK -> tar.write(e.path(), e, e.linkTarget(), null);
        case DIRECTORY, CHAR_DEVICE, BLOCK_DEVICE, FIFO -> tar.write(e.path(), e, null, null);
      }
    }
    tar.finish();
  }

  private void writeRegular(TarOutput tar, FileEntry header, FileEntry data) throws IOException {
    if (data.content() == null || data.size() == 0) {
      tar.write(header.path(), header, null, InputStream.nullInputStream());
      return;
    }
    try (InputStream in = blobs.open(data.content())) {
      tar.write(header.path(), header, null, in);
    }
  }

  private static FileEntry asLink(FileEntry e, String target) {
    return FileEntry.hardlink(e.path(), target, e.mode(), e.uid(), e.gid(), e.mtime());
  }

  /** For each regular file with links and each link: the group's first path in sort order. */
  private static Map<String, String> firstOfGroups(FileTree tree) {
    Map<String, String> first = new HashMap<>();
    for (FileEntry e : tree.entries()) {
      if (e.type() != FileType.HARDLINK) {
        continue;
      }
      FileEntry t = tree.get(e.linkTarget()).orElse(null);
      if (t == null) {
        continue;
      }
      if (!t.isRegular()) {
        throw new IllegalArgumentException(
            "hard link " + e.path() + " points at " + t.path() + ", which is not a regular file");
      }
      // Entries come sorted, so the first member seen is the smallest path of the group.
      String f = first.computeIfAbsent(t.path(), k -> e.path().compareTo(k) < 0 ? e.path() : k);
      first.put(e.path(), f);
    }
    return first;
  }
}
