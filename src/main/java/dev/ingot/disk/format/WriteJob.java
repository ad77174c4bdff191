package dev.ingot.disk.format;

/**
 * Settings of one conversion that are not format options: {@code threads} for compression and
 * reading (≥ 1), {@code epochSeconds} for timestamps inside the image (SOURCE_DATE_EPOCH), {@code
 * fileName}, the name the output will have (VMDK descriptors name their extent file), {@code
 * progress}, told as the input is worked through, and {@code durable}: the output is on the disk,
 * not only in the page cache, before the write returns (its data, then its name in the directory);
 * {@code links}: where the files the input names (backing files, extents) may lie.
 */
public record WriteJob(
    int threads,
    long epochSeconds,
    String fileName,
    Progress progress,
    boolean durable,
    LinkedFiles links) {
  /**
   * How far a conversion is: {@code done} of {@code total} bytes of the input's virtual size have
   * been laid out (0 first, {@code total} last). Called in order from the thread that lays out the
   * output, so it must be quick.
   */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void advanced(long done, long total);
  }

  public WriteJob {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (fileName == null
        || fileName.isBlank()
        || fileName.contains("/")
        || fileName.contains("\"")) {
      throw new IllegalArgumentException("bad output file name: " + fileName);
    }
    if (progress == null) {
      throw new IllegalArgumentException("progress must not be null (Progress.NONE)");
    }
    if (links == null) {
      throw new IllegalArgumentException("links must not be null");
    }
  }

  /** A job whose input may name files only in its own directory ({@link LinkedFiles}). */
  public WriteJob(
      int threads, long epochSeconds, String fileName, Progress progress, boolean durable) {
    this(threads, epochSeconds, fileName, progress, durable, LinkedFiles.WITHIN_DIRECTORY);
  }

  /** A job whose output may stay in the page cache when it returns, as qemu-img's does. */
  public WriteJob(int threads, long epochSeconds, String fileName, Progress progress) {
    this(threads, epochSeconds, fileName, progress, false);
  }

  /** A job nobody watches. */
  public WriteJob(int threads, long epochSeconds, String fileName) {
    this(threads, epochSeconds, fileName, Progress.NONE);
  }
}
