package dev.ingot.disk.format;

import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a monolithicFlat VMDK: a descriptor file and, beside it, its one extent of raw data
 * ({@code NAME-flat.vmdk}, as qemu-img and ESXi name it; sparse where the source is zero). Both are
 * written to temporaries; the extent is renamed into place first and removed again if the
 * descriptor cannot follow, so a failure leaves neither. Stateless.
 */
final class VmdkFlatWriter {
  private VmdkFlatWriter() {}

  /** The extent file of descriptor {@code name}: "disk.vmdk" → "disk-flat.vmdk". */
  static String extentName(String name) {
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".vmdk")
            ? name.substring(0, name.length() - 5)
            : name;
    return base + "-flat.vmdk";
  }

  /** The extent file that writing descriptor {@code out} makes. */
  static Path extentOf(Path out) {
    return out.resolveSibling(extentName(out.getFileName().toString()));
  }

  static void write(DiskReader src, Path out, WriteOptions.Vmdk opts, WriteJob job)
      throws IOException {
    long size = Blocks.alignUp(src.virtualSize(), 512);
    Path extent = extentOf(out);
    try (AtomicOutput data = AtomicOutput.file(extent);
        AtomicOutput desc = AtomicOutput.file(out)) {
      ContentId id;
      try (FileChannel ch = FileChannel.open(data.path(), StandardOpenOption.WRITE)) {
        id = RawWriter.writeData(src, ch, size, job);
        RawWriter.setLength(ch, size);
        if (job.durable()) {
          ch.force(true);
        }
      }
      VmdkDescriptor d =
          VmdkDescriptor.of(id, size / 512, extent.getFileName().toString(), true, opts);
      Files.write(desc.path(), d.text().getBytes(StandardCharsets.UTF_8));
      if (job.durable()) {
        DiskImages.syncFile(desc.path());
      }
      data.commit(true);
      try {
        desc.commit(true);
      } catch (IOException e) {
        Files.deleteIfExists(extent);
        throw e;
      }
    }
    if (job.durable()) {
      DiskImages.syncDirectory(out);
    }
  }
}
