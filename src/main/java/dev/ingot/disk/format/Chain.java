package dev.ingot.disk.format;

/**
 * How an image is being opened: where the files it names may lie ({@code links}) and how many
 * overlays above it are already open ({@code depth}, which bounds a backing chain).
 */
record Chain(LinkedFiles links, int depth) {
  static Chain top(LinkedFiles links) {
    return new Chain(links, 0);
  }

  /** The chain of the image this one reads through to. */
  Chain below() {
    return new Chain(links, depth + 1);
  }
}
