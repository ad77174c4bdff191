package dev.ingot.scan.inventory;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link RootView} over a directory on disk (an unpacked root filesystem, a chroot). Entries are
 * read lazily with their owners and modes; contents only when asked. Links are never followed by
 * the operating system: {@link RootView#resolve} follows them inside the root.
 */
public final class DirRootView implements RootView {
  private final Path root;

  public DirRootView(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public Optional<FileEntry> entry(String path) throws IOException {
    String rel = FsPaths.normalize(path);
    Path p = rel.isEmpty() ? root : root.resolve(rel);
    try {
      return Optional.of(read(p, rel));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.nio.file.FileSystemException e) {
      // A component that is not a directory (ENOTDIR) means the path does not exist.
      return Optional.empty();
    }
  }

  @Override
  public List<String> list(String dir) throws IOException {
    Optional<FileEntry> d = resolve(dir);
    if (d.isEmpty() || !d.get().isDirectory()) {
      return List.of();
    }
    Path p = d.get().path().isEmpty() ? root : root.resolve(d.get().path());
    try (Stream<Path> s = Files.list(p)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public Iterable<FileEntry> entries() throws IOException {
    List<FileEntry> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String rel = FsPaths.normalize(root.relativize(p).toString());
        try {
          all.add(read(p, rel));
        } catch (NoSuchFileException e) {
          // Removed while we walked; nothing to check.
        }
      }
    } catch (java.io.UncheckedIOException e) { // from the walk: a path too long, a denied dir
      throw new IOException(describe() + ": " + dev.ingot.plugin.IoMessages.describe(e), e);
    }
    return all;
  }

  @Override
  public byte[] readResolved(FileEntry regular) throws IOException {
    return Files.readAllBytes(root.resolve(regular.path()));
  }

  @Override
  public String describe() {
    return "directory " + root;
  }

  private static FileEntry read(Path p, String rel) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int raw = (Integer) a.get("mode");
    int mode = raw & 07777;
    int uid = (Integer) a.get("uid");
    int gid = (Integer) a.get("gid");
    long mtime = ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
    return switch (raw & 0170000) {
      case 0040000 -> FileEntry.directory(rel, mode, uid, gid, mtime);
      case 0120000 -> FileEntry.symlink(rel, Files.readSymbolicLink(p).toString(), uid, gid, mtime);
      case 0100000 -> FileEntry.file(rel, mode, uid, gid, mtime, (Long) a.get("size"), null);
      case 0020000 -> special(rel, FileType.CHAR_DEVICE, mode, uid, gid, mtime);
      case 0060000 -> special(rel, FileType.BLOCK_DEVICE, mode, uid, gid, mtime);
      default -> special(rel, FileType.FIFO, mode, uid, gid, mtime);
    };
  }

  private static FileEntry special(String rel, FileType t, int mode, int uid, int gid, long mt) {
    return new FileEntry(rel, t, mode, uid, gid, mt, 0, null, null, 0, 0, null);
  }
}
