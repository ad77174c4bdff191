package dev.ingot.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permissions of a finished output: what {@code open(2)} and {@code mkdir(2)} would give a new
 * file or directory under the process's umask (0644 and 0755 under the usual 022), or the mode of
 * the file it replaces. Temporaries are made private (0600/0700) while written; without this an
 * image, an OCI layout or a manifest would stay private after the rename, unreadable by the web
 * server or the other user that publishes it. Stateless.
 */
public final class OutputModes {
  /** When the umask cannot be read (no /proc): the common default. */
  static final int DEFAULT_UMASK = 0022;

  private OutputModes() {}

  /** The process's umask, from /proc/self/status (Linux 4.7 and later). */
  static int umask() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Umask:")) {
          return Integer.parseInt(line.substring(6).strip(), 8);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Fall through to the default.
    }
    return DEFAULT_UMASK;
  }

  /** The permission bits of {@code mode} (e.g. 0644) as a set. */
  static Set<PosixFilePermission> of(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(order[i]);
      }
    }
    return s;
  }

  /** The mode a new file gets (0666 & ~umask). */
  public static Set<PosixFilePermission> newFile() {
    return of(0666 & ~umask());
  }

  /** Gives {@code temp}, about to become a new file, the mode a new file gets. */
  public static void asNewFile(Path temp) throws IOException {
    set(temp, newFile());
  }

  /** Whether {@code p} has exactly {@code mode} (false where modes cannot be read). */
  public static boolean has(Path p, Set<PosixFilePermission> mode) {
    try {
      return Files.getPosixFilePermissions(p).equals(mode);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Gives {@code temp}, about to be renamed to {@code target}, the mode of the regular file or
   * directory it replaces, else the mode a new one gets (0666 or 0777, & ~umask).
   */
  public static void finish(Path temp, Path target, boolean directory) throws IOException {
    Set<PosixFilePermission> mode;
    boolean replaces =
        directory
            ? Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
            : Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
    try {
      mode =
          replaces
              ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
              : of((directory ? 0777 : 0666) & ~umask());
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: its defaults stand
    }
    set(temp, mode);
  }

  private static void set(Path p, Set<PosixFilePermission> mode) throws IOException {
    try {
      Files.setPosixFilePermissions(p, mode);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults stand.
    }
  }
}
