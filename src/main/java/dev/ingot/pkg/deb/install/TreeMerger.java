package dev.ingot.pkg.deb.install;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import dev.ingot.fs.UnsafePathException;
import dev.ingot.fs.tar.TreeAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merges the data trees of several packages into one root filesystem the way dpkg unpacks them: a
 * directory that exists already is kept (first package wins, so the result does not depend on
 * anything but the sorted package order); a path whose parent is a symlink of the tree goes where
 * the symlink points, resolved inside the root (dpkg follows directory symlinks; merged /usr relies
 * on it); anything else replaces what was there. Resolution never leaves the root, and the final
 * tree has no entry below a symlink. Not thread-safe.
 */
public final class TreeMerger {
  /** The merged-/usr links of Debian 12 and later, for the architectures that have lib64. */
  public static final List<String> USR_MERGE = List.of("bin", "sbin", "lib");

  private final TreeAssembler tree;
  private final List<String> replaced = new ArrayList<>();

  public TreeMerger(FileTree base) {
    this.tree = new TreeAssembler(base);
  }

  /** A base with the merged-/usr symlinks ({@code lib64} too when {@code lib64}). */
  public static FileTree mergedUsrBase(boolean lib64, long mtime) {
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, mtime));
    b.put(FileEntry.directory("usr", 0755, 0, 0, mtime));
    List<String> links = new ArrayList<>(USR_MERGE);
    if (lib64) {
      links.add("lib64");
    }
    for (String l : links) {
      b.put(FileEntry.directory("usr/" + l, 0755, 0, 0, mtime));
      b.put(FileEntry.symlink(l, "usr/" + l, 0, 0, mtime));
    }
    return b.build();
  }

  /** Adds every entry of {@code data} (one package); returns the paths that package owns. */
  public List<String> add(FileTree data, String pkg) {
    List<String> owned = new ArrayList<>();
    for (FileEntry e : data.entries()) {
      if (e.path().isEmpty()) {
        continue;
      }
      String p = resolveParents(e.path(), pkg);
      FileEntry in = p.equals(e.path()) ? e : e.withPath(p);
      if (in.type() == FileType.HARDLINK) {
        String t = resolveParents(in.linkTarget(), pkg);
        in = FileEntry.hardlink(in.path(), t, in.mode(), in.uid(), in.gid(), in.mtime());
      }
      FileEntry old = tree.get(p);
      if (old != null && (old.isDirectory() || isDirLink(old)) && in.isDirectory()) {
        owned.add(p);
        continue; // existing directories (and links to directories) stay as they are
      }
      if (old != null && old.isDirectory()) {
        throw new UnsafePathException(
            p, pkg + " would replace a directory with a " + in.type().name().toLowerCase());
      }
      if (old != null) {
        replaced.add(p + " (by " + pkg + ")");
      }
      tree.add(in);
      owned.add(p);
    }
    return owned;
  }

  /** Paths that a later package overwrote, for a warning. */
  public List<String> replaced() {
    return List.copyOf(replaced);
  }

  public void put(FileEntry e) {
    tree.add(e);
  }

  public boolean contains(String path) {
    return tree.contains(path);
  }

  public FileEntry get(String path) {
    return tree.get(path);
  }

  public void remove(String path) {
    tree.remove(path);
  }

  public FileTree build() {
    return tree.build();
  }

  private boolean isDirLink(FileEntry e) {
    if (e.type() != FileType.SYMLINK) {
      return false;
    }
    FileEntry t = tree.get(FsPaths.resolveLink(e.path(), e.linkTarget()));
    return t != null && t.isDirectory();
  }

  /** {@code path} with every symlinked parent directory replaced by its target, inside the root. */
  private String resolveParents(String path, String pkg) {
    String[] parts = path.split("/");
    String cur = "";
    for (int i = 0; i < parts.length - 1; i++) {
      cur = cur.isEmpty() ? parts[i] : cur + "/" + parts[i];
      Set<String> seen = new java.util.HashSet<>();
      FileEntry e = tree.get(cur);
      while (e != null && e.type() == FileType.SYMLINK) {
        if (!seen.add(cur) || seen.size() > 40) {
          throw new UnsafePathException(path, pkg + ": symlink loop at " + cur);
        }
        cur = FsPaths.resolveLink(cur, e.linkTarget());
        e = tree.get(cur);
      }
      if (e != null && !e.isDirectory()) {
        throw new UnsafePathException(
            path, pkg + ": parent " + cur + " is a " + e.type().name().toLowerCase());
      }
    }
    String name = parts[parts.length - 1];
    return cur.isEmpty() ? name : cur + "/" + name;
  }
}
