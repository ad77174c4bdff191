package dev.ingot.fs.tar;

/**
 * Safety settings for reading a tar stream. Sizes are in bytes of uncompressed content.
 *
 * <p>{@code maxEntrySize} bounds one entry's data, {@code maxTotalSize} the sum of all entries'
 * data (checked against the sizes the headers declare, before anything is read, so a bomb is
 * refused early), {@code maxEntries} the number of entries and {@code maxHeaderSize} one PAX header
 * or GNU long name. {@code rootless} refuses character and block devices (an unprivileged user
 * cannot create them, and a device node in a tree that is later exported as root is a way out).
 * {@code stripLeadingSlash} follows GNU tar: a leading "/" is removed from member and hard link
 * names ("/etc/x" is read as "etc/x"); when false, absolute names are refused. Immutable.
 */
public record TarReadOptions(
    long maxEntrySize,
    long maxTotalSize,
    long maxEntries,
    int maxHeaderSize,
    boolean rootless,
    boolean stripLeadingSlash) {

  /** 8 GiB per entry, 64 GiB in total, 4 million entries, 1 MiB headers, devices allowed. */
  public static final TarReadOptions DEFAULTS =
      new TarReadOptions(8L << 30, 64L << 30, 4_000_000, 1 << 20, false, true);

  public TarReadOptions {
    if (maxEntrySize < 0 || maxTotalSize < 0 || maxEntries < 0 || maxHeaderSize < 512) {
      throw new IllegalArgumentException("tar limits must be positive (headers at least 512)");
    }
  }

  public TarReadOptions withRootless(boolean r) {
    return new TarReadOptions(
        maxEntrySize, maxTotalSize, maxEntries, maxHeaderSize, r, stripLeadingSlash);
  }

  public TarReadOptions withLimits(long entry, long total) {
    return new TarReadOptions(entry, total, maxEntries, maxHeaderSize, rootless, stripLeadingSlash);
  }

  public TarReadOptions withStripLeadingSlash(boolean s) {
    return new TarReadOptions(maxEntrySize, maxTotalSize, maxEntries, maxHeaderSize, rootless, s);
  }
}
