package dev.ingot.disk.format;

/**
 * Settings of one conversion that are not format options: {@code threads} for compression and
 * reading (≥ 1), {@code epochSeconds} for timestamps inside the image (SOURCE_DATE_EPOCH), and
 * {@code fileName}, the name the output will have (VMDK descriptors name their extent file).
 */
public record WriteJob(int threads, long epochSeconds, String fileName) {
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
  }
}
