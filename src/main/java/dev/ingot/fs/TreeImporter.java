package dev.ingot.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a directory on disk (a chroot after provisioning, an unpacked image) into a {@link
 * FileTree}, storing regular file contents in a {@link BlobStore}. Symlinks are recorded, never
 * followed; files sharing an inode become hardlinks to the first path seen in sorted order; device
 * numbers come from {@code unix:rdev}. Extended attributes are not read yet (the JDK sees only the
 * {@code user.} namespace). Not thread-safe; use one instance per import.
 */
public final class TreeImporter {
  private final BlobStore blobs;

  public TreeImporter(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Imports everything below {@code root}; the root directory itself becomes path "". */
  public FileTree importDir(Path root) throws IOException {
    FileTree.Builder b = FileTree.builder();
    // Sorted walk so that the first path of a hardlink group is stable.
    java.util.List<Path> all;
    try (var s = Files.walk(root)) {
      all = s.sorted().toList();
    }
    Map<Object, String> inodes = new HashMap<>();
    for (Path p : all) {
      // Linux names may hold a backslash (systemd units: "system-systemd\\x2dcryptsetup.slice").
      String rel = FsPaths.normalize(root.relativize(p).toString());
      b.put(entry(p, rel, inodes));
    }
    return b.build();
  }

  private FileEntry entry(Path p, String rel, Map<Object, String> inodes) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int mode = ((Integer) a.get("mode")) & 07777;
    int uid = (Integer) a.get("uid");
    int gid = (Integer) a.get("gid");
    long mtime = ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000;
    int fmt = ((Integer) a.get("mode")) & 0170000;
    switch (fmt) {
      case 0040000:
        return FileEntry.directory(rel, mode, uid, gid, mtime);
      case 0120000:
        return new FileEntry(
            rel,
            FileType.SYMLINK,
            0777,
            uid,
            gid,
            mtime,
            0,
            null,
            Files.readSymbolicLink(p).toString(),
            0,
            0,
            null);
      case 0100000:
        Object key =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if ((Integer) a.get("nlink") > 1 && key != null) {
          String first = inodes.putIfAbsent(key, rel);
          if (first != null) {
            return FileEntry.hardlink(rel, first, mode, uid, gid, mtime);
          }
        }
        long size = (Long) a.get("size");
        Digest d = null;
        if (size > 0) {
          // Hash first, store only what is new: after a chroot most files are unchanged package
          // contents already in the store, and writing each to a temp file costs more than a read.
          d = hash(p);
          if (!blobs.has(d)) {
            try (InputStream in = Files.newInputStream(p)) {
              blobs.put(in, d);
            }
          }
        }
        return FileEntry.file(rel, mode, uid, gid, mtime, size, d);
      case 0020000:
      case 0060000:
        long rdev = (Long) a.get("rdev");
        return new FileEntry(
            rel,
            fmt == 0020000 ? FileType.CHAR_DEVICE : FileType.BLOCK_DEVICE,
            mode,
            uid,
            gid,
            mtime,
            0,
            null,
            null,
            major(rdev),
            minor(rdev),
            null);
      case 0010000:
        return new FileEntry(rel, FileType.FIFO, mode, uid, gid, mtime, 0, null, null, 0, 0, null);
      default:
        throw new IOException("unsupported file type (a socket?) at " + p);
    }
  }

  private final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);

  private Digest hash(Path p) throws IOException {
    java.security.MessageDigest md = Digest.sha256Md();
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
      buf.clear();
      while (ch.read(buf) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    }
    return Digest.fromSha256(md.digest());
  }

  // Linux's encoding of dev_t (glibc gnu_dev_major/minor).
  static int major(long dev) {
    return (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
  }

  static int minor(long dev) {
    return (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
  }
}
