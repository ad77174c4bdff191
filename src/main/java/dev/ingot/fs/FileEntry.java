package dev.ingot.fs;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One file of a {@link FileTree}. Paths are relative, '/'-separated, normalized, with no leading
 * slash ("etc/passwd"); the root directory is "". {@code mode} holds the permission bits including
 * setuid/setgid/sticky (07777). {@code mtime} is in seconds since the epoch. Regular file content
 * is not held here: {@code content} names a blob by digest (null for an empty file or a non-regular
 * one). Extended attribute values are kept as ISO-8859-1 strings so every byte round-trips and the
 * record keeps value equality.
 */
public record FileEntry(
    String path,
    FileType type,
    int mode,
    int uid,
    int gid,
    long mtime,
    long size,
    Digest content,
    String linkTarget,
    int devMajor,
    int devMinor,
    SortedMap<String, String> xattrs) {

  public FileEntry {
    path = FsPaths.normalize(path);
    if (type == null) {
      throw new IllegalArgumentException("file type missing for " + path);
    }
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException(
          "mode has bits beyond 07777: " + Integer.toOctalString(mode));
    }
    if ((type == FileType.SYMLINK || type == FileType.HARDLINK) && linkTarget == null) {
      throw new IllegalArgumentException(type + " without a target: " + path);
    }
    if (type != FileType.REGULAR && (size != 0 || content != null)) {
      throw new IllegalArgumentException("only regular files have content: " + path);
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size: " + path);
    }
    // One shared empty map: most entries have no xattrs, and an image of millions of files kept
    // a pair of empty maps for each.
    xattrs =
        xattrs == null || xattrs.isEmpty()
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
  }

  public static FileEntry directory(String path, int mode, int uid, int gid, long mtime) {
    return new FileEntry(
        path, FileType.DIRECTORY, mode, uid, gid, mtime, 0, null, null, 0, 0, null);
  }

  public static FileEntry file(
      String path, int mode, int uid, int gid, long mtime, long size, Digest content) {
    return new FileEntry(
        path, FileType.REGULAR, mode, uid, gid, mtime, size, content, null, 0, 0, null);
  }

  public static FileEntry symlink(String path, String target, int uid, int gid, long mtime) {
    return new FileEntry(
        path, FileType.SYMLINK, 0777, uid, gid, mtime, 0, null, target, 0, 0, null);
  }

  public static FileEntry hardlink(
      String path, String target, int mode, int uid, int gid, long mtime) {
    return new FileEntry(
        path,
        FileType.HARDLINK,
        mode,
        uid,
        gid,
        mtime,
        0,
        null,
        FsPaths.normalize(target),
        0,
        0,
        null);
  }

  public FileEntry withMtime(long newMtime) {
    return new FileEntry(
        path,
        type,
        mode,
        uid,
        gid,
        newMtime,
        size,
        content,
        linkTarget,
        devMajor,
        devMinor,
        xattrs);
  }

  public FileEntry withOwner(int newUid, int newGid) {
    return new FileEntry(
        path,
        type,
        mode,
        newUid,
        newGid,
        mtime,
        size,
        content,
        linkTarget,
        devMajor,
        devMinor,
        xattrs);
  }

  public FileEntry withMode(int newMode) {
    return new FileEntry(
        path,
        type,
        newMode,
        uid,
        gid,
        mtime,
        size,
        content,
        linkTarget,
        devMajor,
        devMinor,
        xattrs);
  }

  public FileEntry withPath(String newPath) {
    return new FileEntry(
        newPath,
        type,
        mode,
        uid,
        gid,
        mtime,
        size,
        content,
        linkTarget,
        devMajor,
        devMinor,
        xattrs);
  }

  /** A copy with other extended attributes (null: none). */
  public FileEntry withXattrs(SortedMap<String, String> newXattrs) {
    return new FileEntry(
        path,
        type,
        mode,
        uid,
        gid,
        mtime,
        size,
        content,
        linkTarget,
        devMajor,
        devMinor,
        newXattrs);
  }

  /** A regular file's copy naming its content blob (null for empty content). */
  public FileEntry withContent(Digest newContent) {
    return new FileEntry(
        path,
        type,
        mode,
        uid,
        gid,
        mtime,
        size,
        newContent,
        linkTarget,
        devMajor,
        devMinor,
        xattrs);
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public boolean isRegular() {
    return type == FileType.REGULAR;
  }
}
