package dev.ingot.scan;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.scan.inventory.TreeRootView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds small root filesystems as file trees for scan tests. */
public final class TestRoots {
  private final BlobStore blobs;
  private final FileTree.Builder tree = FileTree.builder();

  public TestRoots(Path blobDir) {
    this.blobs = new DirBlobStore(blobDir);
    tree.put(FileEntry.directory("", 0755, 0, 0, 0));
  }

  public TestRoots file(String path, String content) {
    return file(path, content, 0644, 0, 0);
  }

  public TestRoots file(String path, String content, int mode, int uid, int gid) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    try {
      Digest d = b.length == 0 ? null : blobs.put(new ByteArrayInputStream(b));
      tree.putWithParents(FileEntry.file(path, mode, uid, gid, 0, b.length, d), 0755, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A file of {@code size} zero bytes (streamed into the blob store, never held in memory). */
  public TestRoots zeros(String path, long size) {
    try {
      Digest d = blobs.put(new java.io.BufferedInputStream(dev.ingot.testing.Zeros.of(size)));
      tree.putWithParents(FileEntry.file(path, 0644, 0, 0, 0, size, d), 0755, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public TestRoots dir(String path, int mode) {
    tree.putWithParents(FileEntry.directory(path, mode, 0, 0, 0), 0755, 0);
    return this;
  }

  public TestRoots symlink(String path, String target) {
    tree.putWithParents(FileEntry.symlink(path, target, 0, 0, 0), 0755, 0);
    return this;
  }

  /** A Debian 12 os-release, as a symlink to usr/lib/os-release like the real one. */
  public TestRoots debian12() {
    file(
        "usr/lib/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"
            + "VERSION_CODENAME=bookworm\n");
    return symlink("etc/os-release", "../usr/lib/os-release");
  }

  public FileTree tree() {
    return tree.build();
  }

  public BlobStore blobs() {
    return blobs;
  }

  public TreeRootView view() {
    return new TreeRootView(tree.build(), blobs, "test tree");
  }
}
