package dev.ingot.plugin;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Writes an output file or directory under a temporary sibling name and renames it into place on
 * {@link #commit}, so a failed or cancelled step never leaves a half-written output. {@link #close}
 * removes the temporary when it was not committed; use it with try-with-resources. A {@link
 * #stream} into a pipe or character device is written straight to instead. Not thread-safe (one
 * writer).
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.file(target)) {
 *   Files.writeString(out.path(), text);
 *   out.commit(true);
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final boolean directory;
  // Written straight to the target (a pipe or character device): no temporary, nothing to rename.
  private final boolean direct;
  private boolean committed;

  private AtomicOutput(Path stream) {
    this.target = stream;
    this.temp = stream;
    this.directory = false;
    this.direct = true;
  }

  private AtomicOutput(Path target, boolean directory) throws IOException {
    this.target = writableTarget(target.toAbsolutePath().normalize());
    this.directory = directory;
    this.direct = false;
    if (!directory && Files.isDirectory(this.target)) {
      // A file output never replaces a directory: commit would delete the whole tree.
      throw new FileSystemException(
          this.target.toString(), null, "is a directory; give the path of the file to write");
    }
    Path parent = this.target.getParent();
    String prefix = "." + this.target.getFileName() + ".tmp-";
    refuseFileAncestor(parent);
    try {
      Files.createDirectories(parent);
      this.temp =
          directory
              ? Files.createTempDirectory(parent, prefix)
              : Files.createTempFile(parent, prefix, "");
    } catch (java.nio.file.AccessDeniedException e) {
      // The JDK's message is the temporary's name alone: say what could not be written, and where.
      throw new java.nio.file.AccessDeniedException(
          this.target.toString(), null, "permission denied: cannot create files in " + parent);
    } catch (FileSystemException e) {
      if (e.getFile() == null || !e.getFile().contains(prefix)) {
        throw e;
      }
      String why = e.getReason() == null ? "" : ": " + e.getReason().toLowerCase(Locale.ROOT);
      throw new FileSystemException(
          this.target.toString(), null, "cannot create files in " + parent + why);
    }
  }

  /**
   * A parent "directory" that is a file would make createDirectories say only that it "already
   * exists"; name the file that is in the way instead.
   */
  private static void refuseFileAncestor(Path parent) throws NotDirectoryException {
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new NotDirectoryException(p.toString());
        }
        return;
      }
    }
  }

  /**
   * Where an output named {@code t} really goes. Through a symbolic link, to the file it names, so
   * the link stays a link (as when cp or qemu-img write through one). A device, pipe or socket is
   * refused: renaming over it would replace the node in its directory (a file where /dev/sdb or
   * /dev/null was), not write to it.
   */
  public static Path writableTarget(Path t) throws IOException {
    Path real = t;
    if (Files.isSymbolicLink(t)) {
      if (!Files.exists(t)) {
        throw new FileSystemException(
            t.toString(), null, "a symbolic link to nothing; remove it or point it at a file");
      }
      real = t.toRealPath();
    }
    if (Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real)) {
      throw new FileSystemException(
          real.toString(),
          null,
          "is a "
              + SpecialFiles.kind(real)
              + ", not a file; Ingot writes files and never replaces one");
    }
    return real;
  }

  /** A temporary file beside {@code target} (parent directories are created). */
  public static AtomicOutput file(Path target) throws IOException {
    return new AtomicOutput(target, false);
  }

  /**
   * As {@link #file}, for an output written front to back (a report, a tar): a target that is a
   * character device or named pipe ({@code -o /dev/stdout}, a FIFO) is written straight to, since
   * no temporary can be renamed onto it; {@link #path} is then the target and {@link #commit} does
   * nothing. A block device is still refused, as by {@link #file}.
   */
  public static AtomicOutput stream(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    return SpecialFiles.isStream(t) ? new AtomicOutput(t) : file(target);
  }

  /** A temporary directory beside {@code target} (parent directories are created). */
  public static AtomicOutput directory(Path target) throws IOException {
    return new AtomicOutput(target, true);
  }

  /** Where to write. */
  public Path path() {
    return temp;
  }

  public Path target() {
    return target;
  }

  /**
   * Renames the temporary to the target. An existing target is replaced when {@code replace} is
   * true (a directory is removed first), else this fails with {@link FileAlreadyExistsException}.
   * The temporary, private while written, gets the mode of the file it replaces or that of a new
   * file ({@link OutputModes}).
   */
  public Path commit(boolean replace) throws IOException {
    if (direct) {
      committed = true;
      return target;
    }
    boolean exists = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (exists && !replace) {
      throw new FileAlreadyExistsException(target.toString(), null, "output exists");
    }
    OutputModes.finish(temp, target, directory);
    if (exists) {
      if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(target);
      }
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    return target;
  }

  @Override
  public void close() throws IOException {
    if (!committed && !direct) {
      deleteTree(temp);
    }
  }

  /** Deletes a file or a directory tree (links are removed, not followed); absent is fine. */
  public static void deleteTree(Path p) throws IOException {
    deleteTreeExcept(p, java.util.Set.of());
  }

  /**
   * As {@link #deleteTree}, but keeps the files in {@code keep} (absolute, normalized paths) and
   * the directories that hold them.
   */
  public static void deleteTreeExcept(Path p, java.util.Set<Path> keep) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (!keep.contains(p)) {
        Files.delete(p);
      }
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            if (!keep.contains(f)) {
              Files.delete(f);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            if (keep.stream().noneMatch(k -> k.startsWith(d))) {
              Files.delete(d);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
