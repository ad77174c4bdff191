package dev.ingot.fs.tar;

import dev.ingot.fs.FileEntry;
import java.util.function.Predicate;

/**
 * Which regular files of a layer get their content stored, and how many bytes one layer may store.
 * {@link #ALL} keeps everything, for trees that are built on, exported or pushed. A reader that
 * opens only a few files (a scan reads package databases and small configuration files) keeps only
 * those, so a layer of huge files streams through without being written out; and it bounds what a
 * layer stores by the layer's compressed size, so a small layer that inflates to gigabytes of
 * small, distinct files (a decompression bomb) is refused instead of filling the disk. Immutable.
 *
 * @param keep whether a regular, non-empty member's content is stored; the others keep their size
 *     and no content
 * @param baseBytes what any layer may store
 * @param ratio how many bytes more a layer may store for each compressed byte it has
 */
public record ContentPolicy(Predicate<FileEntry> keep, long baseBytes, long ratio) {
  public static final ContentPolicy ALL = new ContentPolicy(e -> true, Long.MAX_VALUE, 0);

  public ContentPolicy {
    if (baseBytes < 0 || ratio < 0) {
      throw new IllegalArgumentException("content limits must not be negative");
    }
  }

  /** The bytes a layer of {@code compressedSize} bytes may store (saturating, never negative). */
  public long limitFor(long compressedSize) {
    long size = Math.max(0, compressedSize);
    long extra = ratio != 0 && size > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : size * ratio;
    return baseBytes > Long.MAX_VALUE - extra ? Long.MAX_VALUE : baseBytes + extra;
  }
}
