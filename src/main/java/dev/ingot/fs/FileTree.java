package dev.ingot.fs;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An immutable file tree: entries by normalized path, iterated in byte order of the path (which is
 * the order reproducible layers and archives use). File contents live in a {@link BlobStore}; the
 * tree holds their digests, so merging trees never copies bytes. Thread-safe.
 */
public final class FileTree {
  private final NavigableMap<String, FileEntry> entries;

  private FileTree(NavigableMap<String, FileEntry> entries) {
    this.entries = Collections.unmodifiableNavigableMap(entries);
  }

  public static FileTree empty() {
    return new FileTree(new TreeMap<>());
  }

  public static Builder builder() {
    return new Builder(new TreeMap<>());
  }

  public Builder toBuilder() {
    return new Builder(new TreeMap<>(entries));
  }

  public Optional<FileEntry> get(String path) {
    return Optional.ofNullable(entries.get(FsPaths.normalize(path)));
  }

  public boolean contains(String path) {
    return entries.containsKey(FsPaths.normalize(path));
  }

  /** All entries, sorted by path. */
  public Collection<FileEntry> entries() {
    return entries.values();
  }

  /** The entries at or below {@code dir}, sorted. */
  public Collection<FileEntry> under(String dir) {
    String d = FsPaths.normalize(dir);
    if (d.isEmpty()) {
      return entries();
    }
    return entries.subMap(d, true, d + "0", false).values().stream()
        .filter(e -> e.path().equals(d) || e.path().startsWith(d + "/"))
        .toList();
  }

  public int size() {
    return entries.size();
  }

  /** Sum of regular file sizes, in bytes. */
  public long contentBytes() {
    return entries.values().stream().mapToLong(FileEntry::size).sum();
  }

  /** A copy with every entry passed through {@code f} (for example clamping mtimes). */
  public FileTree map(UnaryOperator<FileEntry> f) {
    TreeMap<String, FileEntry> out = new TreeMap<>();
    for (FileEntry e : entries.values()) {
      FileEntry n = f.apply(e);
      out.put(n.path(), n);
    }
    return new FileTree(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileTree t && t.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "FileTree[" + entries.size() + " entries]";
  }

  /** Collects entries; later puts of the same path replace earlier ones (upper layers win). */
  public static final class Builder {
    private final TreeMap<String, FileEntry> entries;

    private Builder(TreeMap<String, FileEntry> entries) {
      this.entries = entries;
    }

    public Builder put(FileEntry e) {
      entries.put(e.path(), e);
      return this;
    }

    /** Adds missing parent directories of {@code e} with the given defaults, then {@code e}. */
    public Builder putWithParents(FileEntry e, int dirMode, long mtime) {
      String p = FsPaths.parent(e.path());
      while (!p.isEmpty() && !entries.containsKey(p)) {
        entries.put(p, FileEntry.directory(p, dirMode, 0, 0, mtime));
        p = FsPaths.parent(p);
      }
      return put(e);
    }

    /** Removes {@code path} and everything below it. */
    public Builder remove(String path) {
      String p = FsPaths.normalize(path);
      entries.remove(p);
      entries.subMap(p + "/", true, p + "0", false).clear();
      return this;
    }

    public Optional<FileEntry> get(String path) {
      return Optional.ofNullable(entries.get(FsPaths.normalize(path)));
    }

    public FileTree build() {
      return new FileTree(new TreeMap<>(entries));
    }
  }
}
