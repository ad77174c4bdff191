package dev.ingot.disk.format;

import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Entry point of the disk formats: probes and opens images of any supported format and converts
 * them. Outputs are written to a temporary sibling and renamed into place when complete, so a
 * failed conversion leaves nothing behind. Stateless; thread-safe.
 */
public final class DiskImages {
  private DiskImages() {}

  /**
   * Starts the one-off set-up that reading sparse raw images needs (linking lseek) in the
   * background; a command calls it as early as it can. Optional: the first read does it otherwise.
   */
  public static void prepare() {
    SparseFiles.prepareInBackground();
  }

  /**
   * Guesses the format from magic numbers: qcow2, VMDK (sparse, descriptor, or the disk inside an
   * OVA), VHD, else raw.
   */
  public static DiskFormat probe(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path)) {
      ByteBuffer head = head(ch);
      if (head.limit() >= 4 && head.getInt(0) == Qcow2Layout.MAGIC) {
        return DiskFormat.QCOW2;
      }
      if (head.limit() >= 4 && Integer.reverseBytes(head.getInt(0)) == VmdkHeader.MAGIC) {
        return DiskFormat.VMDK;
      }
      if (OvaDisk.isOva(head)) {
        return DiskFormat.VMDK; // the disk inside an OVA
      }
      if (VmdkReader.isDescriptorText(head)) {
        return DiskFormat.VMDK; // a descriptor file: monolithicFlat, split extents
      }
      if (VhdReader.isFooter(head)) {
        return DiskFormat.VHD;
      }
      if (ch.size() >= 512
          && VhdReader.isFixedFooterOf(Blocks.readBe(ch, ch.size() - 512, 512), ch.size())) {
        return DiskFormat.VHD;
      }
      return DiskFormat.RAW;
    }
  }

  /** The first 512 bytes of a file (fewer when it is shorter), big-endian. */
  private static ByteBuffer head(FileChannel ch) throws IOException {
    return Blocks.readBe(ch, 0, (int) Math.min(512, ch.size()));
  }

  /**
   * Opens a VMDK of any kind Ingot reads, by what its first sector holds: the disk of an OVA, a
   * descriptor file, or a sparse VMDK. {@code depth}: how many overlays above it are open.
   */
  static DiskReader openVmdk(Path path, Chain chain) throws IOException {
    ByteBuffer head;
    try (FileChannel ch = FileChannel.open(path)) {
      head = head(ch);
    }
    if (OvaDisk.isOva(head)) {
      return OvaDisk.open(path, chain);
    }
    return VmdkReader.isDescriptorText(head)
        ? VmdkExtentsReader.open(path, chain)
        : VmdkReader.open(path, chain);
  }

  /**
   * Opens {@code path} as {@code format}, or probes it when {@code format} is null; the files it
   * names (backing files, extents) must lie in its directory ({@link LinkedFiles}).
   */
  public static DiskReader open(Path path, DiskFormat format) throws IOException {
    return open(path, format, LinkedFiles.WITHIN_DIRECTORY);
  }

  /**
   * Opens {@code path} as {@link #open(Path, DiskFormat)} does, with the files it names where
   * {@code links} allows.
   */
  public static DiskReader open(Path path, DiskFormat format, LinkedFiles links)
      throws IOException {
    DiskFormat f = format == null ? probe(path) : format;
    return switch (f) {
      case RAW -> RawReader.open(path);
      case QCOW2 -> Qcow2Reader.open(path, Chain.top(links));
      case VMDK -> openVmdk(path, Chain.top(links));
      case VHD -> VhdReader.open(path);
    };
  }

  /**
   * Writes {@code src} to {@code out} in the format of {@code opts}. The file appears only when
   * complete; an existing {@code out} is replaced.
   */
  public static void write(DiskReader src, Path out, WriteOptions opts, WriteJob job)
      throws IOException {
    if (!opts.oneFile() && opts instanceof WriteOptions.Vmdk v) {
      try {
        VmdkExtentFilesWriter.write(src, out, v, job); // each file written and renamed by itself
      } catch (IOException e) {
        throw withOutput(e, out, src.virtualSize());
      }
      return;
    }
    try (AtomicOutput tmp = AtomicOutput.file(out)) {
      try (FileChannel ch = FileChannel.open(tmp.path(), StandardOpenOption.WRITE)) {
        switch (opts) {
          case WriteOptions.Raw r -> RawWriter.write(src, ch, job);
          case WriteOptions.Qcow2 q when q.backingFile() != null ->
              writeOverlay(src, out, q, job, ch);
          case WriteOptions.Qcow2 q -> new Qcow2Writer(q, job).write(src, ch);
          case WriteOptions.Vmdk v when v.streamOptimized() ->
              new VmdkStreamWriter(v, job).write(src, ch);
          case WriteOptions.Vmdk v -> new VmdkSparseWriter(v, job).write(src, ch);
          case WriteOptions.Vhd v -> new VhdWriter(v, job).write(src, ch);
        }
        if (job.durable()) {
          ch.force(true);
        }
      } catch (IOException e) {
        throw withOutput(e, out, src.virtualSize());
      }
      tmp.commit(true);
    }
    if (job.durable()) {
      syncDirectory(out);
    }
  }

  /**
   * Why {@code opts} cannot be written onto a block device, or null when it can. A qcow2 and a
   * monolithicSparse VMDK are found from their header at the start and read only what their tables
   * point at, all written in full, so a device's old bytes elsewhere do no harm (as with qemu-img
   * on an LVM volume). The formats read from the end of the file are not (streamOptimized VMDK's
   * footer, VHD's), nor several files or an overlay whose backing file is found from its directory.
   */
  public static String notForDevices(WriteOptions opts) {
    return switch (opts) {
      case WriteOptions.Raw r -> null;
      case WriteOptions.Qcow2 q when q.backingFile() != null ->
          "a qcow2 overlay names its backing file relative to its own directory";
      case WriteOptions.Qcow2 q -> null;
      case WriteOptions.Vmdk v when v.kind() == WriteOptions.VmdkKind.MONOLITHIC_SPARSE -> null;
      case WriteOptions.Vmdk v when v.streamOptimized() ->
          "a streamOptimized VMDK is read from its footer at the end of the file, and a device's"
              + " end is not the image's (use subformat=monolithicSparse)";
      case WriteOptions.Vmdk v -> "a " + v.kind().createType() + " VMDK is several files";
      case WriteOptions.Vhd v -> "a VHD is read from its footer at the end of the file";
    };
  }

  /**
   * Writes the image at {@code in} (format probed when null) onto the block device {@code device}
   * in the format of {@code opts} (one {@link #notForDevices} accepts), from its first byte, and
   * flushes it. The device's bytes past the image are left as they are.
   */
  public static void convertOntoDevice(
      Path in, DiskFormat inFormat, Path device, WriteOptions opts, WriteJob job)
      throws IOException {
    String why = notForDevices(opts);
    if (why != null || opts instanceof WriteOptions.Raw) {
      throw new IllegalArgumentException("not for convertOntoDevice: " + opts);
    }
    try (DiskReader r = readerFor(in, inFormat, job.links(), d -> java.util.List.of(device));
        FileChannel ch = FileChannel.open(device, StandardOpenOption.WRITE)) {
      try {
        switch (opts) {
          case WriteOptions.Qcow2 q -> new Qcow2Writer(q, job).write(r, ch);
          case WriteOptions.Vmdk v -> new VmdkSparseWriter(v, job).write(r, ch);
          default -> throw new IllegalStateException("checked above");
        }
      } catch (IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left")) {
          throw new DiskFormatException(
              device
                  + " is full: the "
                  + opts.format().id()
                  + " image of this "
                  + Sizes.human(r.virtualSize())
                  + " disk does not fit its "
                  + Sizes.human(ch.size())
                  + " (it is left partly written; use a larger device"
                  + (r.virtualSize() <= ch.size() ? ", or write -O raw" : "")
                  + ")");
        }
        throw e;
      }
      ch.force(true);
    }
  }

  /**
   * The filesystem's own refusals name no file ("File too large", "No space left on device"): say
   * which output and how large its disk is. Other failures already say what they are about.
   */
  private static IOException withOutput(IOException e, Path out, long virtualSize) {
    String m = e.getMessage();
    if (e.getClass() != IOException.class || m == null || m.contains(out.toString())) {
      return e;
    }
    return new IOException(
        "writing " + out + " (a " + Sizes.human(virtualSize) + " disk): " + m, e);
  }

  /**
   * A qcow2 overlay of the backing file {@code q} names, resolved from the output's directory as
   * QEMU will resolve it; the output must not replace a file the backing image reads.
   */
  private static void writeOverlay(
      DiskReader src, Path out, WriteOptions.Qcow2 q, WriteJob job, FileChannel ch)
      throws IOException {
    String fmt = q.backingFormat() == null ? null : q.backingFormat().qemuName();
    // The base is the user's choice; the files it names in turn are held to the job's rule.
    Path file = BackingFiles.locate(out, q.backingFile(), LinkedFiles.ANYWHERE);
    try (DiskReader base = BackingFiles.openFile(out, file, fmt, Chain.top(job.links()))) {
      for (Path f : base.files()) {
        if (Files.exists(out) && Files.isSameFile(f, out)) {
          throw new DiskFormatException(
              "the output " + out + " is a file its backing image reads (" + f + ")");
        }
      }
      new Qcow2Writer(q, job, base).write(src, ch);
    }
  }

  /** Flushes a file to the disk. */
  static void syncFile(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Flushes the directory holding {@code file}, so that its new name survives a crash too. */
  static void syncDirectory(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /**
   * Every file writing a disk of {@code size} bytes to {@code out} with {@code opts} makes: {@code
   * out}, and a flat or split VMDK's extents.
   */
  public static java.util.List<Path> outputs(Path out, WriteOptions opts, long size) {
    java.util.List<Path> all = new java.util.ArrayList<>(java.util.List.of(out));
    if (opts instanceof WriteOptions.Vmdk v && v.kind().extentFiles()) {
      VmdkExtentFilesWriter.extents(out, v.kind(), Blocks.alignUp(size, 512))
          .forEach(e -> all.add(e.path()));
    }
    return all;
  }

  /**
   * Writes the image at {@code in} (format probed when null) raw into {@code target} in place: a
   * block device, as {@code qemu-img convert -O raw IMG /dev/sdb} and dd do, or an existing file,
   * as {@code qemu-img convert -n}. The target must hold the image's virtual size; its bytes beyond
   * that are left alone. The zero areas of the image are written as zeros where the target may hold
   * data (all of a device, a file's data extents: its holes stay holes) unless {@code targetIsZero}
   * (qemu-img's --target-is-zero). A device is flushed before returning, a file when the job is
   * durable. Unlike a new file, a failed or cancelled write leaves the target partly written.
   */
  public static void convertInPlace(
      Path in, DiskFormat inFormat, Path target, WriteJob job, boolean targetIsZero)
      throws IOException {
    boolean device = dev.ingot.plugin.SpecialFiles.isBlockDevice(target);
    try (DiskReader r = readerFor(in, inFormat, job.links(), d -> java.util.List.of(target));
        FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
      long size = r.virtualSize();
      long room = ch.size();
      if (room < size) {
        throw new DiskFormatException(
            String.format(
                "%s holds %d bytes and the image needs %d (its virtual size): use a larger %s",
                target, room, size, device ? "device" : "file, or drop -n to write a new one"));
      }
      Extents old =
          targetIsZero
              ? null
              : device ? Extents.all(size) : SparseFiles.dataExtents(target, Math.min(room, size));
      RawWriter.writeData(r, ch, size, job, old);
      if (device || job.durable()) {
        ch.force(true);
      }
    }
  }

  /** Converts the image at {@code in} (format probed when null) to {@code out}. */
  public static void convert(
      Path in, DiskFormat inFormat, Path out, WriteOptions opts, WriteJob job) throws IOException {
    try (DiskReader r =
        readerFor(in, inFormat, job.links(), d -> outputs(out, opts, d.virtualSize()))) {
      write(r, out, opts, job);
    }
  }

  /**
   * Opens {@code in}, refusing outputs that are the input itself or one of the files it reads (an
   * extent, a backing file): writing them would destroy the input image.
   */
  private static DiskReader readerFor(
      Path in,
      DiskFormat inFormat,
      LinkedFiles links,
      java.util.function.Function<DiskReader, java.util.List<Path>> outputs)
      throws IOException {
    DiskReader r = open(in, inFormat, links);
    try {
      java.util.List<Path> outs = outputs.apply(r);
      for (Path o : outs) {
        if (Files.exists(o) && Files.isSameFile(in, o)) {
          throw new DiskFormatException("input and output are the same file: " + in);
        }
      }
      for (Path f : r.files()) {
        for (Path o : outs) {
          if (Files.exists(o) && Files.exists(f) && Files.isSameFile(f, o)) {
            throw new DiskFormatException(
                "the output " + o + " is a file the input " + in + " reads (" + f + ")");
          }
        }
      }
      return r;
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** Whether a qemu-img style option list asks for help ({@code -o help} or {@code -o ?}). */
  public static boolean asksOptionsHelp(String list) {
    return WriteOptions.asksHelp(list);
  }

  /**
   * The options {@code format} accepts, with values and defaults, as {@code -o help} lists them.
   */
  public static String optionsHelp(DiskFormat format) {
    return WriteOptions.help(format);
  }

  /** Parses qemu-img style options for {@code format}; see {@link WriteOptions#parse}. */
  public static WriteOptions options(DiskFormat format, String list, boolean compress) {
    return WriteOptions.parse(format, WriteOptions.parseList(list), compress);
  }

  /**
   * {@code opts} as an overlay of {@code backingFile} (qemu-img's {@code -B}) in {@code
   * backingFormat} ({@code -F}, null: probed). Only qcow2 has backing files here.
   */
  public static WriteOptions withBacking(
      WriteOptions opts, String backingFile, String backingFormat) {
    if (!(opts instanceof WriteOptions.Qcow2 q)) {
      throw new IllegalArgumentException(
          "a backing file (-B) needs -O qcow2, not " + opts.format().id());
    }
    if (q.backingFile() != null) {
      throw new IllegalArgumentException("give the backing file once: -B or -o backing_file");
    }
    return new WriteOptions.Qcow2(
        q.clusterSize(),
        q.compress(),
        q.level(),
        q.zstd(),
        backingFile,
        backingFormat == null ? null : DiskFormat.parse(backingFormat));
  }
}
