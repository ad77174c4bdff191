package dev.ingot.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What kind of file a path is, from its st_mode, for messages and for writing to devices. */
public final class SpecialFiles {
  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private SpecialFiles() {}

  /**
   * Why {@code p} cannot be read as a disk image, or null when it can: a regular file or a block
   * device (images are read at random offsets, so a pipe or a terminal will not do).
   */
  public static String unreadableImage(Path p) throws IOException {
    if (!Files.exists(p)) {
      if (Files.isSymbolicLink(p)) {
        return brokenLink(p);
      }
      return "not found";
    }
    if (Files.isRegularFile(p) || isBlockDevice(p)) {
      return null;
    }
    return Files.isDirectory(p)
        ? "a directory, not an image"
        : "a " + kind(p) + ": images are read from files and block devices";
  }

  /** Why a symbolic link leads nowhere: a loop of links, or a missing target. */
  private static String brokenLink(Path p) {
    try {
      p.toRealPath();
      return "not found";
    } catch (java.nio.file.FileSystemLoopException e) {
      return "a loop of symbolic links";
    } catch (IOException e) {
      return e.getMessage() != null && e.getMessage().contains("Too many levels")
          ? "a loop of symbolic links"
          : "a symbolic link to a missing file";
    }
  }

  /** Whether {@code p} (links followed) is a block device, such as /dev/sdb or a loop device. */
  public static boolean isBlockDevice(Path p) throws IOException {
    return Files.exists(p) && (mode(p) & S_IFMT) == S_IFBLK;
  }

  /**
   * Whether {@code p} (links followed, so /dev/stdout too) is a character device or a named pipe:
   * something written to front to back, which a rename would replace rather than write to.
   */
  public static boolean isStream(Path p) throws IOException {
    if (!Files.exists(p)) {
      return false;
    }
    int type = mode(p) & S_IFMT;
    return type == S_IFCHR || type == S_IFIFO;
  }

  /** "block device", "character device", "named pipe", "socket" or "special file". */
  public static String kind(Path p) throws IOException {
    return switch (mode(p) & S_IFMT) {
      case S_IFBLK -> "block device";
      case S_IFCHR -> "character device";
      case S_IFIFO -> "named pipe";
      case S_IFSOCK -> "socket";
      default -> "special file";
    };
  }

  private static int mode(Path p) throws IOException {
    try {
      return (Integer) Files.getAttribute(p, "unix:mode");
    } catch (UnsupportedOperationException e) {
      return 0; // no unix view: nothing is known to be a device
    }
  }
}
