package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the image an overlay reads through to where it has nothing of its own: a qcow2 image's
 * backing file, a VMDK delta's parent. The name is relative to the overlay's directory, as QEMU and
 * VMware resolve it; only local files are followed, and a chain is at most {@link #MAX_CHAIN}
 * images long, which also stops a loop. Stateless.
 */
final class BackingFiles {
  static final int MAX_CHAIN = 16;

  private BackingFiles() {}

  /**
   * Opens {@code name} for {@code overlay}, in {@code format} (a qemu-img name) or probed when
   * null; {@code depth} is how many overlays above this one are already open.
   */
  static DiskReader open(Path overlay, String name, String format, int depth) throws IOException {
    if (depth + 1 >= MAX_CHAIN) {
      throw new DiskFormatException(
          overlay + ": backing chain longer than " + MAX_CHAIN + " images (a loop?)");
    }
    if (name.contains("://") || name.startsWith("json:")) {
      throw new DiskFormatException(
          overlay + ": backing file '" + name + "' is not a local file; flatten it with qemu-img");
    }
    Path dir = overlay.toAbsolutePath().getParent();
    Path file = dir == null ? Path.of(name) : dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new DiskFormatException(overlay + ": backing file " + file + " not found");
    }
    DiskFormat f;
    try {
      f = format == null ? DiskImages.probe(file) : DiskFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new DiskFormatException(
          overlay + ": backing file format '" + format + "' is not one Ingot reads");
    }
    return switch (f) {
      case QCOW2 -> Qcow2Reader.open(file, depth + 1);
      case VMDK -> DiskImages.openVmdk(file, depth + 1);
      default -> DiskImages.open(file, f);
    };
  }
}
