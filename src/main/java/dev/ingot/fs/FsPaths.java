package dev.ingot.fs;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path normalization for tree paths. Pure functions; thread-safe. */
public final class FsPaths {
  private FsPaths() {}

  /**
   * Normalizes "./a//b/" to "a/b" and "/" to "". Refuses ".." that would climb above the root,
   * which is how archive extraction keeps entries inside the tree.
   */
  public static String normalize(String path) {
    if (path == null) {
      throw new IllegalArgumentException("null path");
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new UnsafePathException(path, "climbs above the root with '..'");
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  /** The parent of a normalized path ("" for top-level entries and for the root itself). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last element of a normalized path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Resolves a symlink target found at {@code linkPath} against the tree root, as the kernel would
   * inside a chroot: absolute targets start at the root, relative ones at the link's directory.
   */
  public static String resolveLink(String linkPath, String target) {
    String base = target.startsWith("/") ? "" : parent(linkPath);
    StringBuilder joined = new StringBuilder(base);
    // ".." above the root stays at the root, as in a chroot.
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (joined.append('/').append(target)).toString().split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.removeLast();
        }
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
