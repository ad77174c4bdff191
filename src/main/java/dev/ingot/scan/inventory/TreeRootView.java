package dev.ingot.scan.inventory;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link RootView} over a {@link FileTree} whose contents are in a {@link BlobStore}. */
public final class TreeRootView implements RootView {
  private final FileTree tree;
  private final BlobStore blobs;
  private final String description;

  public TreeRootView(FileTree tree, BlobStore blobs, String description) {
    this.tree = tree;
    this.blobs = blobs;
    this.description = description;
  }

  @Override
  public Optional<FileEntry> entry(String path) {
    return tree.get(path);
  }

  @Override
  public List<String> list(String dir) throws IOException {
    Optional<FileEntry> d = resolve(dir);
    if (d.isEmpty() || !d.get().isDirectory()) {
      return List.of();
    }
    String base = d.get().path();
    List<String> names = new ArrayList<>();
    for (FileEntry e : tree.under(base)) {
      if (!e.path().equals(base) && FsPaths.parent(e.path()).equals(base)) {
        names.add(FsPaths.name(e.path()));
      }
    }
    return names;
  }

  @Override
  public Iterable<FileEntry> entries() {
    return tree.entries();
  }

  @Override
  public byte[] readResolved(FileEntry regular) throws IOException {
    if (regular.content() == null) {
      if (regular.size() > 0) {
        // A scan keeps only what it reads (ScannedFiles); a check that wants more says so.
        throw new IOException(
            description
                + ": the content of "
                + regular.path()
                + " ("
                + regular.size()
                + " bytes) was not kept for reading");
      }
      return new byte[0];
    }
    try (InputStream in = blobs.open(regular.content())) {
      return in.readAllBytes();
    }
  }

  @Override
  public String describe() {
    return description;
  }
}
