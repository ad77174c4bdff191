package dev.ingot.pkg.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file, held across processes (fcntl through {@link FileChannel#lock}) and
 * across threads of this JVM (the JDK refuses overlapping locks in one process, so those wait and
 * retry). Close to release.
 */
final class FileLock implements AutoCloseable {
  private final FileChannel channel;
  private final java.nio.channels.FileLock lock;

  private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static FileLock acquire(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      while (true) {
        try {
          return new FileLock(ch, ch.lock());
        } catch (OverlappingFileLockException sameJvm) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for lock " + file, e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
