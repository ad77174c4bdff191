package dev.ingot.fs.tar;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import dev.ingot.fs.LayerDiff;
import dev.ingot.fs.UnsafePathException;
import java.io.IOException;
import java.io.InputStream;
import java.util.TreeSet;

/**
 * Applies an (uncompressed) OCI layer tar onto a tree: members are added as extraction would
 * ({@link TreeAssembler}), {@code .wh.<name>} removes {@code name} from lower layers and {@code
 * .wh..wh..opq} hides every lower entry of its directory. Whiteouts never remove what the same
 * layer adds, whatever the member order. A whiteout under a symlink is refused like any member
 * under a symlink. Thread-safe (no state).
 */
public final class LayerApplier {
  private final TarReader reader;
  private final TarReadOptions options;
  private final ContentPolicy policy;

  public LayerApplier(BlobStore blobs, TarReadOptions options) {
    this(blobs, options, ContentPolicy.ALL);
  }

  public LayerApplier(BlobStore blobs, TarReadOptions options, ContentPolicy policy) {
    this.reader = new TarReader(blobs, options);
    this.options = options;
    this.policy = policy;
  }

  /** The tree {@code base} becomes with the layer read from {@code layer} on top. */
  public FileTree apply(FileTree base, InputStream layer) throws IOException {
    return apply(base, layer, Long.MAX_VALUE);
  }

  /**
   * As {@link #apply(FileTree, InputStream)}, refusing the layer once the contents it stores pass
   * {@code maxStored} bytes (see {@link ContentPolicy#limitFor}).
   */
  public FileTree apply(FileTree base, InputStream layer, long maxStored) throws IOException {
    TreeAssembler tree = new TreeAssembler(base);
    TreeSet<String> added = new TreeSet<>();
    TarInput tar = new TarInput(layer, options);
    long stored = 0;
    for (FileEntry e; (e = tar.next()) != null; ) {
      String name = FsPaths.name(e.path());
      if (!LayerDiff.isWhiteout(name)) {
        boolean data = e.isRegular() && e.size() > 0;
        if (data && !policy.keep().test(e)) {
          tree.add(e); // Listed with its size; its bytes are skipped by the next member.
        } else {
          stored += data ? e.size() : 0;
          if (stored > maxStored) {
            throw new IOException(
                "its files would store more than "
                    + (maxStored >> 20)
                    + " MiB (at "
                    + e.path()
                    + "), far more than its compressed size allows: refused as a likely"
                    + " decompression bomb");
          }
          tree.add(reader.withContent(e, tar));
        }
        added.add(e.path());
        continue;
      }
      String dir = FsPaths.parent(e.path());
      checkDir(tree, dir, e.path());
      if (name.equals(LayerDiff.OPAQUE)) {
        for (String child : tree.childrenOf(dir)) {
          if (!added.contains(child) && !isAncestorOfAdded(added, child)) {
            tree.remove(child);
          }
        }
        continue;
      }
      String target = name.substring(LayerDiff.WHITEOUT_PREFIX.length());
      if (target.isEmpty() || target.equals(".") || target.equals("..")) {
        throw new UnsafePathException(e.path(), "whiteout names no entry");
      }
      String victim = dir.isEmpty() ? target : dir + "/" + target;
      if (!added.contains(victim)) {
        tree.remove(victim);
      }
    }
    return tree.build();
  }

  private static boolean isAncestorOfAdded(TreeSet<String> added, String p) {
    String next = added.ceiling(p + "/");
    return next != null && next.startsWith(p + "/");
  }

  /** A whiteout acts in its directory: that directory must not be reached through a link. */
  private static void checkDir(TreeAssembler tree, String dir, String entry) {
    for (String p = dir; !p.isEmpty(); p = FsPaths.parent(p)) {
      FileEntry up = tree.get(p);
      if (up != null && !up.isDirectory()) {
        throw new UnsafePathException(
            entry, "whiteout below '" + p + "', which is a " + up.type() + ", not a directory");
      }
    }
  }
}
