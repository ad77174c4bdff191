package dev.ingot.oci.layout;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes an output through a temporary sibling that is renamed into place when complete, so a
 * reader sees the old output or the new one, never half of one. Thread-safe (no state).
 */
public final class AtomicOutput {
  /** Writes the file or directory at the given temporary path. */
  public interface Writer {
    void write(Path tmp) throws IOException;
  }

  private AtomicOutput() {}

  /** Runs {@code w} on a temporary sibling of {@code target}, then replaces {@code target}. */
  public static void write(Path target, Writer w) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp =
        parent.resolve(
            "."
                + target.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    try {
      w.write(tmp);
      if (Files.isDirectory(target) && !Files.isSymbolicLink(target)) {
        Path old = parent.resolve("." + target.getFileName() + ".old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      deleteTree(tmp);
    }
  }

  /** Deletes a file or a directory tree, never following symlinks; absent paths are fine. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
