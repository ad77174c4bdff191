package dev.ingot.fs;

/** The kinds of file a tree holds, with full tar semantics. */
public enum FileType {
  REGULAR,
  DIRECTORY,
  SYMLINK,
  /** A hard link to another path of the same tree, named by {@link FileEntry#linkTarget()}. */
  HARDLINK,
  CHAR_DEVICE,
  BLOCK_DEVICE,
  FIFO
}
