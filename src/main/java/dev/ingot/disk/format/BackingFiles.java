package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the image an overlay reads through to where it has nothing of its own: a qcow2 image's
 * backing file, a VMDK delta's parent. The name is relative to the overlay's directory, as QEMU and
 * VMware resolve it; only local files are followed, where {@link LinkedFiles} lets them lie, and a
 * chain is at most {@link #MAX_CHAIN} images long, which also stops a loop. Stateless.
 */
final class BackingFiles {
  static final int MAX_CHAIN = 16;

  private BackingFiles() {}

  /**
   * Opens {@code name}, as {@code overlay} (opened in {@code chain}) stores it, in {@code format}
   * (a qemu-img name) or probed when null.
   */
  static DiskReader open(Path overlay, String name, String format, Chain chain) throws IOException {
    return openFile(overlay, locate(overlay, name, chain.links()), format, chain);
  }

  /** The local file {@code name} leads to from {@code overlay}, where {@code links} allows. */
  static Path locate(Path overlay, String name, LinkedFiles links) throws IOException {
    if (name.contains("://") || name.startsWith("json:")) {
      throw new DiskFormatException(
          overlay + ": backing file '" + name + "' is not a local file; flatten it with qemu-img");
    }
    return links.resolve(overlay, name, "backing file");
  }

  /** Opens the backing file {@code file} of {@code overlay}, which was opened in {@code chain}. */
  static DiskReader openFile(Path overlay, Path file, String format, Chain chain)
      throws IOException {
    if (chain.depth() + 1 >= MAX_CHAIN) {
      throw new DiskFormatException(
          overlay + ": backing chain longer than " + MAX_CHAIN + " images (a loop?)");
    }
    DiskFormat f;
    try {
      f = format == null ? DiskImages.probe(file) : DiskFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new DiskFormatException(
          overlay + ": backing file format '" + format + "' is not one Ingot reads");
    }
    return switch (f) {
      case QCOW2 -> Qcow2Reader.open(file, chain.below());
      case VMDK -> DiskImages.openVmdk(file, chain.below());
      default -> DiskImages.open(file, f, chain.links());
    };
  }
}
