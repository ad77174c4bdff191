package dev.ingot.plugin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A directory for one run's throw-away files (a scan's flattened image), made under a parent and
 * removed when closed. The run holds a lock on a file inside it for as long as it lives, so the
 * directories of runs that were killed before they could remove theirs (SIGKILL, a power cut) are
 * removed by the next run: their lock is free. A lock rather than the process id in the name, which
 * also stands there for people: runs in other PID namespaces (CI containers sharing a cache volume)
 * have ids that mean nothing here, and a live run's directory must never go.
 */
public final class ScratchDir implements AutoCloseable {
  private static final String LOCK = ".lock";
  // A directory without its lock file is being made by another run, or was left between the two
  // steps; only an old one is taken for dead.
  private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(10);

  private final Path path;
  private final FileChannel lockFile;

  private ScratchDir(Path path, FileChannel lockFile) {
    this.path = path;
    this.lockFile = lockFile;
  }

  /** Makes {@code parent/prefix-PID-RANDOM} after removing dead runs' {@code prefix-*} dirs. */
  public static ScratchDir create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    removeDead(parent, prefix);
    long pid = ProcessHandle.current().pid();
    Path dir = Files.createTempDirectory(parent, prefix + "-" + pid + "-");
    FileChannel ch =
        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      ch.lock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      AtomicOutput.deleteTree(dir);
      throw e;
    }
    return new ScratchDir(dir, ch);
  }

  public Path path() {
    return path;
  }

  /**
   * Best effort: a directory this user cannot remove (another user's, in a shared cache) is left
   * for its owner, never a reason to fail the run.
   */
  private static void removeDead(Path parent, String prefix) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "-*")) {
      for (Path d : dirs) {
        try {
          removeIfDead(d);
        } catch (IOException | SecurityException e) {
          // Left for its owner or the next run.
        }
      }
    } catch (IOException e) {
      // An unreadable parent: the run's own directory will say what is wrong when it is made.
    }
  }

  private static void removeIfDead(Path d) throws IOException {
    if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path lock = d.resolve(LOCK);
    if (!Files.exists(lock)) {
      Instant made = Files.getLastModifiedTime(d).toInstant();
      if (made.isBefore(Instant.now().minus(UNLOCKED_GRACE))) {
        AtomicOutput.deleteTree(d);
      }
      return;
    }
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock held = tryLock(ch)) {
      if (held != null) {
        AtomicOutput.deleteTree(d);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // Its run finished and removed it meanwhile.
    }
  }

  /** The lock, or null when a live run holds it (in this process or another). */
  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    try (lockFile) {
      AtomicOutput.deleteTree(path);
    }
  }
}
