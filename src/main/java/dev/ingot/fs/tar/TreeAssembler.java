package dev.ingot.fs.tar;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import dev.ingot.fs.UnsafePathException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies archive members to a tree as extraction would, with the checks that keep every write
 * inside the root: an entry whose parent is a symlink (or any non-directory) is refused, since
 * writing it would go through the link; a hard link must name an entry already in the tree. Missing
 * parent directories are created (mode 0755, owner 0:0, the entry's mtime). A later member replaces
 * an earlier one; a non-directory replacing a directory removes its subtree, as overlay layers do.
 * Removing or replacing the target of hard links keeps the other links intact: the first remaining
 * link becomes the regular file. Not thread-safe.
 */
public final class TreeAssembler {
  private final NavigableMap<String, FileEntry> entries = new TreeMap<>();
  private final Map<String, TreeSet<String>> linksTo = new HashMap<>();

  /** Starts from {@code base} (an empty tree to read an archive, a lower layer to apply one). */
  public TreeAssembler(FileTree base) {
    for (FileEntry e : base.entries()) {
      entries.put(e.path(), e);
      if (e.type() == FileType.HARDLINK) {
        linksTo.computeIfAbsent(e.linkTarget(), k -> new TreeSet<>()).add(e.path());
      }
    }
  }

  public boolean contains(String path) {
    return entries.containsKey(path);
  }

  public FileEntry get(String path) {
    return entries.get(path);
  }

  /** Adds or replaces {@code e}; throws {@link UnsafePathException} naming it when refused. */
  public void add(FileEntry e) {
    checkParents(e);
    FileEntry in = e.type() == FileType.HARDLINK ? resolveHardlink(e) : e;
    FileEntry old = entries.get(in.path());
    if (old != null) {
      if (old.isDirectory() && in.isDirectory()) {
        entries.put(in.path(), in);
        return;
      }
      remove(in.path());
    }
    entries.put(in.path(), in);
    if (in.type() == FileType.HARDLINK) {
      linksTo.computeIfAbsent(in.linkTarget(), k -> new TreeSet<>()).add(in.path());
    }
  }

  /** Removes {@code path} and everything below it (a whiteout); absent paths are ignored. */
  public void remove(String path) {
    List<String> doomed = new ArrayList<>(subtree(path).keySet());
    for (String p : doomed) {
      FileEntry e = entries.get(p);
      if (e.type() == FileType.HARDLINK) {
        TreeSet<String> s = linksTo.get(e.linkTarget());
        if (s != null) {
          s.remove(p);
        }
      }
    }
    for (String p : doomed) {
      FileEntry e = entries.remove(p);
      if (e.isRegular()) {
        promoteLink(e);
      }
    }
  }

  /** The paths directly or indirectly below {@code dir}, sorted (the directory excluded). */
  public List<String> childrenOf(String dir) {
    return subtree(dir).keySet().stream().filter(p -> !p.equals(dir)).toList();
  }

  public FileTree build() {
    FileTree.Builder b = FileTree.builder();
    entries.values().forEach(b::put);
    return b.build();
  }

  private NavigableMap<String, FileEntry> subtree(String path) {
    if (path.isEmpty()) {
      return entries;
    }
    TreeMap<String, FileEntry> out = new TreeMap<>();
    if (entries.containsKey(path)) {
      out.put(path, entries.get(path));
    }
    out.putAll(entries.subMap(path + "/", true, path + "0", false));
    return out;
  }

  /** The regular file {@code gone} left the tree: its first surviving link takes its place. */
  private void promoteLink(FileEntry gone) {
    TreeSet<String> links = linksTo.remove(gone.path());
    if (links == null || links.isEmpty()) {
      return;
    }
    String heir = links.pollFirst();
    FileEntry h = entries.get(heir);
    entries.put(
        heir,
        FileEntry.file(heir, h.mode(), h.uid(), h.gid(), h.mtime(), gone.size(), gone.content()));
    for (String other : links) {
      FileEntry o = entries.get(other);
      entries.put(other, FileEntry.hardlink(other, heir, o.mode(), o.uid(), o.gid(), o.mtime()));
    }
    linksTo.put(heir, links);
  }

  private void checkParents(FileEntry e) {
    String p = FsPaths.parent(e.path());
    List<String> missing = new ArrayList<>();
    while (!e.path().isEmpty() && !p.isEmpty()) {
      FileEntry up = entries.get(p);
      if (up != null) {
        if (!up.isDirectory()) {
          throw new UnsafePathException(
              e.path(),
              up.type() == FileType.SYMLINK
                  ? "its parent '"
                      + p
                      + "' is a symbolic link; writing through it could escape"
                      + " the root"
                  : "its parent '" + p + "' is a " + kind(up) + ", not a directory");
        }
        break;
      }
      missing.add(p);
      p = FsPaths.parent(p);
    }
    for (int i = missing.size() - 1; i >= 0; i--) {
      entries.put(missing.get(i), FileEntry.directory(missing.get(i), 0755, 0, 0, e.mtime()));
    }
  }

  /** A hard link to a regular file stays a link; one to a symlink or device becomes a copy. */
  private FileEntry resolveHardlink(FileEntry e) {
    FileEntry t = entries.get(e.linkTarget());
    if (t != null && t.type() == FileType.HARDLINK) {
      t = entries.get(t.linkTarget());
    }
    if (t == null) {
      throw new UnsafePathException(
          e.path(), "hard link to '" + e.linkTarget() + "', which is not (yet) in the archive");
    }
    if (t.path().equals(e.path())) {
      throw new UnsafePathException(e.path(), "hard link to itself");
    }
    return switch (t.type()) {
      case REGULAR -> FileEntry.hardlink(e.path(), t.path(), e.mode(), e.uid(), e.gid(), e.mtime());
      case DIRECTORY ->
          throw new UnsafePathException(
              e.path(), "hard link to directory '" + e.linkTarget() + "'");
      case SYMLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO -> t.withPath(e.path());
      case HARDLINK -> throw new IllegalStateException("link chain in tree at " + t.path());
    };
  }

  private static String kind(FileEntry e) {
    return e.type().name().toLowerCase().replace('_', ' ');
  }
}
