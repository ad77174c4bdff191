package dev.ingot.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link FileTree} out as a real directory (for a chroot, for {@code mke2fs -d}). Owners
 * are set when running as root and skipped otherwise ({@link Options#setOwners}); device nodes and
 * fifos are made with {@code mknod}/{@code mkfifo} through the given {@link NodeMaker}, and are
 * never opened afterwards: the JDK opens a file to set its times (and, without following links, its
 * mode), which blocks on a fifo and fails or has side effects on a device node, so their owner is
 * set with lchown, their mode with a path-based chmod and their times by the node maker. Contents
 * are copied, never hard-linked from the blob store: a chroot may modify files in place, and paths
 * sharing one blob may differ in mode and owner. Directory mtimes are set last, deepest first, so
 * that creating children does not disturb them. Not thread-safe.
 */
public final class TreeExporter {
  /**
   * How to materialize: whether to chown (needs root), and a check run before each entry that
   * throws to stop (a build's cancellation: a system tree of 20,000 files took 15-20 s to export
   * after Ctrl-C).
   */
  public record Options(boolean setOwners, Runnable checkpoint) {
    public Options(boolean setOwners) {
      this(setOwners, () -> {});
    }
  }

  /**
   * Makes special files, which the JDK cannot; implemented with a process runner at the edge
   * ({@code dev.ingot.plugin.ProcessNodeMaker}).
   */
  public interface NodeMaker {
    /** Creates a device node or fifo ({@code major}/{@code minor} are 0 for a fifo). */
    void mknod(Path path, FileType type, int mode, int major, int minor) throws IOException;

    /**
     * Sets the access and modification times of the special file at {@code path} to {@code
     * epochSeconds} without opening it. The default cannot and says so; makers that create nodes
     * override it.
     */
    default void setTimes(Path path, long epochSeconds) throws IOException {
      throw new IOException(
          "cannot set the times of special file " + path + ": this node maker does not support it");
    }
  }

  private final BlobStore blobs;
  private final NodeMaker nodes;
  private final Options options;

  public TreeExporter(BlobStore blobs, NodeMaker nodes, Options options) {
    this.blobs = blobs;
    this.nodes = nodes;
    this.options = options;
  }

  /** Materializes {@code tree} under {@code root}, which must exist and be empty. */
  public void export(FileTree tree, Path root) throws IOException {
    List<FileEntry> dirs = new ArrayList<>();
    for (FileEntry e : tree.entries()) {
      options.checkpoint().run();
      checkParent(tree, e);
      Path p = e.path().isEmpty() ? root : root.resolve(e.path());
      switch (e.type()) {
        case DIRECTORY -> {
          Files.createDirectories(p);
          dirs.add(e);
        }
        case REGULAR -> writeFile(e, p);
        case SYMLINK -> Files.createSymbolicLink(p, Path.of(e.linkTarget()));
        case HARDLINK -> Files.createLink(p, root.resolve(e.linkTarget()));
        case CHAR_DEVICE, BLOCK_DEVICE, FIFO ->
            nodes.mknod(p, e.type(), e.mode(), e.devMajor(), e.devMinor());
      }
      if (e.type() != FileType.HARDLINK && e.type() != FileType.DIRECTORY) {
        finish(e, p);
      }
    }
    // Deepest first: setting a parent's mtime before its children are done would be undone.
    for (int i = dirs.size() - 1; i >= 0; i--) {
      FileEntry d = dirs.get(i);
      finish(d, d.path().isEmpty() ? root : root.resolve(d.path()));
    }
  }

  /**
   * Refuses an entry whose parent is not a directory of the tree: writing it would go through a
   * symlink, possibly to a path outside {@code root} (an absolute link resolves on the host).
   */
  private static void checkParent(FileTree tree, FileEntry e) {
    if (e.path().isEmpty()) {
      return;
    }
    String parent = FsPaths.parent(e.path());
    if (parent.isEmpty()) {
      return;
    }
    FileEntry p = tree.get(parent).orElse(null);
    if (p == null || !p.isDirectory()) {
      throw new UnsafePathException(
          e.path(),
          p == null
              ? "its parent directory is missing from the tree"
              : "its parent is a " + p.type().name().toLowerCase() + ", not a directory");
    }
    if (e.type() == FileType.HARDLINK) {
      FileEntry t = tree.get(e.linkTarget()).orElse(null);
      if (t == null || !t.isRegular()) {
        throw new UnsafePathException(
            e.path(),
            "hard link target '" + e.linkTarget() + "' is not a regular file of the tree");
      }
    }
  }

  private void writeFile(FileEntry e, Path p) throws IOException {
    if (e.content() == null) {
      Files.createFile(p);
      return;
    }
    try (InputStream in = blobs.open(e.content())) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException impossible) {
      throw new IOException("duplicate path in tree: " + e.path(), impossible);
    }
  }

  private void finish(FileEntry e, Path p) throws IOException {
    if (isSpecial(e.type())) {
      finishSpecial(e, p);
      return;
    }
    if (options.setOwners()) {
      Files.setAttribute(p, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    FileTime t = FileTime.fromMillis(e.mtime() * 1000);
    if (e.type() != FileType.SYMLINK) { // Linux symlinks have no mode of their own.
      // chmod after chown: chown clears setuid/setgid bits.
      Files.setAttribute(p, "unix:mode", e.mode(), LinkOption.NOFOLLOW_LINKS);
    }
    Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(t, t, null);
  }

  private static boolean isSpecial(FileType t) {
    return t == FileType.CHAR_DEVICE || t == FileType.BLOCK_DEVICE || t == FileType.FIFO;
  }

  /** Owner, mode and times of a device node or fifo, by path only: opening it could block. */
  private void finishSpecial(FileEntry e, Path p) throws IOException {
    if (options.setOwners()) {
      Files.setAttribute(p, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS); // lchown
      Files.setAttribute(p, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    // Following links is a path-based chmod(2); p itself was just made as a node, not a link.
    Files.setAttribute(p, "unix:mode", e.mode());
    nodes.setTimes(p, e.mtime());
  }
}
