package dev.ingot.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory for one run's throw-away files (a scan's flattened image), made under a parent and
 * removed when closed. Its name carries the process id, so the directories of runs that were killed
 * before they could remove theirs (SIGKILL, a power cut) are removed by the next run once no live
 * process has that id; a concurrent run's directory is left alone.
 */
public final class ScratchDir implements AutoCloseable {
  private final Path path;

  private ScratchDir(Path path) {
    this.path = path;
  }

  /** Makes {@code parent/prefix-PID-RANDOM} after removing dead runs' {@code prefix-*} dirs. */
  public static ScratchDir create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    removeDead(parent, prefix);
    long pid = ProcessHandle.current().pid();
    return new ScratchDir(Files.createTempDirectory(parent, prefix + "-" + pid + "-"));
  }

  public Path path() {
    return path;
  }

  private static void removeDead(Path parent, String prefix) throws IOException {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "-*")) {
      for (Path d : dirs) {
        String[] parts = d.getFileName().toString().substring(prefix.length() + 1).split("-", 2);
        if (parts.length == 2 && parts[0].matches("[0-9]{1,18}")) {
          long pid = Long.parseLong(parts[0]);
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
          AtomicOutput.deleteTree(d);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    AtomicOutput.deleteTree(path);
  }
}
