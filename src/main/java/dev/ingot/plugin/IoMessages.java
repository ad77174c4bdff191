package dev.ingot.plugin;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line messages for I/O failures: the JDK's file system exceptions carry only the path when the
 * operating system gave no reason ("/srv/x.qcow2"), which tells a user nothing. Stateless.
 */
public final class IoMessages {
  private IoMessages() {}

  /** {@code t}'s message, with what happened added where the JDK gives only a path. */
  public static String describe(Throwable t) {
    if (t instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
      String what =
          switch (f) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or directory";
            case FileAlreadyExistsException x -> "already exists";
            case NotDirectoryException n -> "not a directory";
            case DirectoryNotEmptyException d -> "directory not empty";
            default -> f.getClass().getSimpleName();
          };
      return f.getMessage() + ": " + what;
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
