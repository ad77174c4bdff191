package dev.ingot.fs.tar;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a whole (uncompressed) tar stream into a {@link FileTree}, storing regular file contents in
 * a {@link BlobStore}. Member rules are {@link TarInput}'s; tree rules (no writes through symlinks,
 * hard links only to earlier members) are {@link TreeAssembler}'s. Whiteout names ({@code .wh.*})
 * are kept as ordinary files here; {@link LayerApplier} interprets them. Thread-safe (no state).
 */
public final class TarReader {
  private final BlobStore blobs;
  private final TarReadOptions options;

  public TarReader(BlobStore blobs, TarReadOptions options) {
    this.blobs = blobs;
    this.options = options;
  }

  /** Reads {@code in} to the end of the archive; does not close it. */
  public FileTree read(InputStream in) throws IOException {
    TreeAssembler tree = new TreeAssembler(FileTree.empty());
    TarInput tar = new TarInput(in, options);
    for (FileEntry e; (e = tar.next()) != null; ) {
      tree.add(withContent(e, tar));
    }
    return tree.build();
  }

  /** The member with its content stored in the blob store (members without content as they are). */
  FileEntry withContent(FileEntry e, TarInput tar) throws IOException {
    if (e.type() != FileType.REGULAR || e.size() == 0) {
      return e;
    }
    return e.withContent(blobs.put(tar.content()));
  }
}
