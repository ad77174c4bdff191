package dev.ingot.disk.format;

import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a VMDK whose data is in extent files beside a descriptor file: monolithicFlat (one raw
 * extent, {@code NAME-flat.vmdk}, as qemu-img and ESXi name it), twoGbMaxExtentFlat (raw extents of
 * 2 GiB, {@code NAME-f001.vmdk} on) and twoGbMaxExtentSparse (sparse extents of 2 GiB without a
 * descriptor of their own, {@code NAME-s001.vmdk} on), as VMware's hosted products and qemu-img
 * write them. Raw extents are sparse where the source is zero. Every file is written to a
 * temporary; the extents are renamed into place first and removed again if the descriptor cannot
 * follow, so a failure leaves none of them. Stateless.
 */
final class VmdkExtentFilesWriter {
  /** The size of each extent of a split disk but the last (VMware's and qemu-img's). */
  static final long SPLIT = 2L << 30;

  private VmdkExtentFilesWriter() {}

  /** One extent file: guest bytes {@code [start, start + length)} in {@code path}. */
  record ExtentFile(Path path, long start, long length) {}

  /**
   * The extent files that writing descriptor {@code out} for a disk of {@code size} bytes makes.
   */
  static List<ExtentFile> extents(Path out, WriteOptions.VmdkKind kind, long size) {
    String name = out.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".vmdk")
            ? name.substring(0, name.length() - 5)
            : name;
    if (kind == WriteOptions.VmdkKind.MONOLITHIC_FLAT) {
      return List.of(new ExtentFile(out.resolveSibling(base + "-flat.vmdk"), 0, size));
    }
    String letter = kind == WriteOptions.VmdkKind.TWO_GB_FLAT ? "f" : "s";
    List<ExtentFile> split = new ArrayList<>();
    long n = Math.max(1, Blocks.ceilDiv(size, SPLIT));
    for (long i = 0; i < n; i++) {
      long start = i * SPLIT;
      split.add(
          new ExtentFile(
              out.resolveSibling(String.format(Locale.ROOT, "%s-%s%03d.vmdk", base, letter, i + 1)),
              start,
              Math.min(SPLIT, size - start)));
    }
    return split;
  }

  static void write(DiskReader src, Path out, WriteOptions.Vmdk opts, WriteJob job)
      throws IOException {
    long size = Blocks.alignUp(src.virtualSize(), 512);
    List<ExtentFile> extents = extents(out, opts.kind(), size);
    boolean flat = opts.kind() != WriteOptions.VmdkKind.TWO_GB_SPARSE;
    List<AtomicOutput> temps = new ArrayList<>();
    try (AtomicOutput desc = AtomicOutput.file(out)) {
      ContentId id = new ContentId();
      id.add(size);
      List<VmdkDescriptor.Extent> lines = new ArrayList<>();
      for (int i = 0; i < extents.size(); i++) {
        ExtentFile e = extents.get(i);
        AtomicOutput data = AtomicOutput.file(e.path());
        temps.add(data);
        WriteJob part = part(job, e, size);
        ContentId partId;
        try (FileChannel ch = FileChannel.open(data.path(), StandardOpenOption.WRITE);
            WindowReader window = new WindowReader(src, e.start(), e.length())) {
          if (flat) {
            partId = RawWriter.writeData(window, ch, e.length(), part);
            RawWriter.setLength(ch, e.length());
          } else {
            partId = new VmdkSparseWriter(opts, part).write(window, ch, false);
          }
          if (job.durable()) {
            ch.force(true);
          }
        }
        id.add(i, partId.cid());
        lines.add(
            new VmdkDescriptor.Extent(e.length() / 512, e.path().getFileName().toString(), flat));
      }
      VmdkDescriptor d = VmdkDescriptor.of(id, lines, opts);
      Files.write(desc.path(), d.text().getBytes(StandardCharsets.UTF_8));
      if (job.durable()) {
        DiskImages.syncFile(desc.path());
      }
      List<Path> placed = new ArrayList<>();
      try {
        for (AtomicOutput t : temps) {
          placed.add(t.commit(true));
        }
        desc.commit(true);
      } catch (IOException e) {
        for (Path p : placed) {
          Files.deleteIfExists(p);
        }
        throw e;
      }
    } finally {
      IOException first = null;
      for (AtomicOutput t : temps) {
        try {
          t.close(); // each removes its temporary unless committed
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    }
    if (job.durable()) {
      DiskImages.syncDirectory(out);
    }
  }

  /** The job for one extent: its file name, and progress told in bytes of the whole disk. */
  private static WriteJob part(WriteJob job, ExtentFile e, long size) {
    return new WriteJob(
        job.threads(),
        job.epochSeconds(),
        e.path().getFileName().toString(),
        (done, total) -> job.progress().advanced(e.start() + done, size),
        job.durable(),
        job.links());
  }
}
