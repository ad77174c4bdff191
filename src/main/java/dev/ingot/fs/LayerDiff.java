package dev.ingot.fs;

import java.util.Set;
import java.util.TreeSet;

/**
 * The difference between two trees as an OCI layer tree: what {@code upper} adds or changes over
 * {@code lower}, plus a whiteout entry ({@code .wh.<name>}, an empty file) for each top-most path
 * that {@code upper} no longer has. Ancestors of changed entries are included with their upper
 * metadata so that the layer extracts on its own. A hard link whose target changed is included too,
 * so that it keeps sharing the new content. Opaque whiteouts are never generated (per-path
 * whiteouts say the same and are simpler to check), but {@link #OPAQUE} is understood when layers
 * are applied. Pure; thread-safe.
 */
public final class LayerDiff {
  /** The name prefix that marks a deleted path in a layer. */
  public static final String WHITEOUT_PREFIX = ".wh.";

  /** The entry name that hides every lower entry of its directory. */
  public static final String OPAQUE = ".wh..wh..opq";

  private LayerDiff() {}

  public static FileTree diff(FileTree lower, FileTree upper) {
    Set<String> changed = new TreeSet<>();
    for (FileEntry e : upper.entries()) {
      FileEntry old = lower.get(e.path()).orElse(null);
      if (!e.equals(old)) {
        changed.add(e.path());
      }
    }
    for (FileEntry e : upper.entries()) {
      if (e.type() == FileType.HARDLINK && changed.contains(e.linkTarget())) {
        changed.add(e.path());
      }
    }
    FileTree.Builder layer = FileTree.builder();
    for (String p : changed) {
      layer.put(upper.get(p).orElseThrow());
      for (String a = FsPaths.parent(p); !a.isEmpty(); a = FsPaths.parent(a)) {
        if (layer.get(a).isPresent()) {
          break;
        }
        upper.get(a).ifPresent(layer::put);
      }
    }
    for (FileEntry e : lower.entries()) {
      if (e.path().isEmpty() || upper.contains(e.path())) {
        continue;
      }
      String parent = FsPaths.parent(e.path());
      if (!parent.isEmpty() && !upper.contains(parent)) {
        continue; // A whiteout for the top-most deleted directory covers this one.
      }
      FileEntry p = upper.get(parent).orElse(null);
      if (p != null && !p.isDirectory()) {
        continue; // The parent became a file or link: replacing it removes the subtree.
      }
      String wh = (parent.isEmpty() ? "" : parent + "/") + WHITEOUT_PREFIX + FsPaths.name(e.path());
      layer.put(FileEntry.file(wh, 0, 0, 0, 0, 0, null));
      for (String a = parent; !a.isEmpty(); a = FsPaths.parent(a)) {
        if (layer.get(a).isPresent()) {
          break;
        }
        upper.get(a).ifPresent(layer::put);
      }
    }
    return layer.build();
  }

  /** True for a whiteout entry name (the last path element), opaque ones included. */
  public static boolean isWhiteout(String name) {
    return name.startsWith(WHITEOUT_PREFIX);
  }
}
