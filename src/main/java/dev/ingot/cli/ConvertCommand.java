package dev.ingot.cli;

import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.LinkedFiles;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.disk.format.WriteOptions;
import dev.ingot.plugin.SpecialFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot convert}: converts a disk image between raw, qcow2, VMDK and VHD, as qemu-img. */
@Command(
    name = "convert",
    // IN and OUT are optional to picocli only so that `-o help` needs none.
    customSynopsis = {
      "ingot convert [-chnpqUW] [--allow-outside-files] [-f=FMT] [-j=N] [-m=N]",
      "                     [-t=CACHE] [-T=CACHE] [-B=BASE [-F=FMT]] [-o=OPTIONS]",
      "                     -O=FMT IN OUT",
      "       ingot convert -O=FMT -o help"
    },
    description = {
      "Convert a disk image to another format (raw, qcow2, vmdk, vhd), like qemu-img convert.",
      "Zero areas are skipped, compression runs on all cores; output appears only when complete."
    })
public final class ConvertCommand implements Callable<Integer> {
  /** Reports an image naming a file outside its directory, with what to do (disk-info too). */
  static int outsideFile(CliEnv env, LinkedFiles.OutsideFileException e) {
    env.err()
        .println(
            "Error: "
                + e.withAdvice("If you trust this image, run again with --allow-outside-files."));
    env.err().flush();
    return 2;
  }

  private final CliEnv env;

  @Option(names = "-f", paramLabel = "FMT", description = "Input format (probed when omitted).")
  String inFormat;

  @Option(
      names = "-O",
      paramLabel = "FMT",
      required = true,
      description = "Output format: raw, qcow2, vmdk, vhd (or vpc).")
  String outFormat;

  @Option(
      names = "-o",
      paramLabel = "OPTIONS",
      description =
          "Output format options, comma separated, e.g. cluster_size=2M,compression_type=zstd"
              + " or subformat=monolithicSparse; -o help lists those of the -O format.")
  String options;

  @Option(names = "-p", description = "Show progress on standard error, as qemu-img -p.")
  boolean progress;

  @Option(names = "-q", description = "Quiet: no progress, even with -p.")
  boolean quiet;

  @Option(names = "-c", description = "Compress (qcow2; streamOptimized VMDK always is).")
  boolean compress;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Threads for reading and compression (default: all cores).")
  Integer threads;

  @Option(
      names = "-B",
      paramLabel = "BASE",
      description =
          "Write a qcow2 overlay of BASE (relative to OUT's directory, as the header stores it):"
              + " only clusters that differ from BASE are stored.")
  String backing;

  @Option(
      names = "-F",
      paramLabel = "FMT",
      description = "The format of BASE (probed when omitted).")
  String backingFormat;

  // qemu-img's tuning flags, so that scripts written for it run unchanged.
  @Option(
      names = "-m",
      paramLabel = "N",
      description =
          "Parallel requests, as qemu-img -m (1-16): the threads, up to the cores, without -j.")
  Integer requests;

  @Option(
      names = "-W",
      description =
          "Allow out-of-order writes (qemu-img -W): accepted; Ingot's ordered writes cost nothing.")
  boolean outOfOrder;

  @Option(
      names = "-t",
      paramLabel = "CACHE",
      description =
          "Output cache mode, as qemu-img: unsafe (the default) may return with the image still in"
              + " the page cache; writeback, writethrough, directsync and none flush it to the disk"
              + " first.")
  String cache;

  @Option(
      names = "-T",
      paramLabel = "CACHE",
      description = "Input cache mode (qemu-img -T): checked, and reads go through the page cache.")
  String sourceCache;

  @Option(
      names = "-n",
      description =
          "Write raw into the existing OUT in place instead of creating it (qemu-img -n): a file"
              + " keeps its bytes past the image, and its holes stay holes; a device OUT is always"
              + " written in place.")
  boolean noCreate;

  @Option(
      names = "--target-is-zero",
      description =
          "OUT, a device or with -n a file, reads as zeros already (qemu-img"
              + " --target-is-zero): the image's zero areas are not written.")
  boolean targetIsZero;

  @Option(
      names = "--allow-outside-files",
      description =
          "Follow backing files and VMDK extents that lie outside the input's directory. Off by"
              + " default: an image from elsewhere could name any file here (/etc/shadow) and have"
              + " it copied into OUT; qemu-img follows such names.")
  boolean allowOutside;

  @Option(
      names = "-U",
      description = "Force share (qemu-img -U): Ingot takes no image locks, so it always reads so.")
  boolean forceShare;

  // Optional for picocli so that `-O qcow2 -o help` needs no files; call() requires them.
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "IN",
      description = "The image to read (any format Ingot reads).")
  Path in;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "OUT",
      description = "The image to write; replaced when it exists, written only when complete.")
  Path out;

  public ConvertCommand(CliEnv env) {
    this.env = env;
    // The command object exists before its options are parsed: the set-up runs meanwhile.
    DiskImages.prepare();
  }

  @Override
  public Integer call() throws Exception {
    WriteOptions opts;
    DiskFormat from;
    try {
      DiskFormat to = DiskFormat.parse(outFormat);
      if (DiskImages.asksOptionsHelp(options)) {
        env.out().print(DiskImages.optionsHelp(to));
        env.out().flush();
        return 0;
      }
      from = inFormat == null ? null : DiskFormat.parse(inFormat);
      WriteOptions parsed = DiskImages.options(to, options, compress);
      opts = backing == null ? parsed : DiskImages.withBacking(parsed, backing, backingFormat);
      if (backing == null && backingFormat != null) {
        throw new UsageException("-F names the format of a backing file: give it with -B");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (requests != null && (requests < 1 || requests > 16)) {
      throw new UsageException("-m takes 1 to 16 parallel requests, as qemu-img: " + requests);
    }
    int n = threads != null ? threads : requests != null ? Math.min(requests, cores) : cores;
    if (n < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    boolean durable = !cacheMode("-t", cache).equals("unsafe");
    cacheMode("-T", sourceCache);
    if (in == null || out == null) {
      throw new UsageException(
          "convert needs an input and an output image: ingot convert -O FMT IN OUT");
    }
    Path src = env.cwd().resolve(in);
    Path dst = env.cwd().resolve(out);
    String unreadable = SpecialFiles.unreadableImage(src);
    if (unreadable != null) {
      throw new UsageException("input image " + in + ": " + unreadable);
    }
    Path dir = dst.toAbsolutePath().getParent();
    if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
      // As qemu-img: a mistyped path must not leave directories behind when the input fails.
      throw new UsageException(
          "output "
              + out
              + ": "
              + dir
              + (java.nio.file.Files.exists(dir) ? " is not a directory" : " does not exist")
              + " (create it first)");
    }
    boolean device = SpecialFiles.isBlockDevice(dst);
    boolean inPlace = device || noCreate;
    boolean raw = opts instanceof WriteOptions.Raw;
    String notForDevice = device ? DiskImages.notForDevices(opts) : null;
    if (notForDevice != null) {
      throw new UsageException(
          out
              + " is a block device, and "
              + notForDevice
              + ": onto devices Ingot writes raw, qcow2 and monolithicSparse VMDK");
    }
    if (noCreate && !raw) {
      // qemu-img -n would write through the image already there; Ingot writes a new one.
      throw new UsageException(
          "-n: Ingot writes raw images in place; a "
              + opts.format().id()
              + " is written anew"
              + (device ? " from the device's first byte" : " as a new file")
              + " (drop -n)");
    }
    if (targetIsZero && device && !raw) {
      throw new UsageException(
          "--target-is-zero is for raw images: a "
              + opts.format().id()
              + " reads no byte it did"
              + " not write");
    }
    if (noCreate && !device && !java.nio.file.Files.isRegularFile(dst)) {
      throw new UsageException(
          "-n writes into an existing image, and "
              + out
              + (java.nio.file.Files.exists(dst) ? " is not a file or device" : " does not exist")
              + " (drop -n to create it)");
    }
    if (targetIsZero && !inPlace) {
      throw new UsageException(
          "--target-is-zero is for writing in place (a device, or -n): " + out + " is made anew");
    }
    try {
      WriteJob.Progress shown =
          progress && !quiet ? new ProgressLine(env.err()) : WriteJob.Progress.NONE;
      // Ctrl-C or SIGTERM stops the writer at its next chunk; the partial output is removed as
      // the conversion unwinds (the JVM would otherwise exit and leave its temporary file).
      return SignalHook.cancellable(
              env.err(),
              inPlace
                  ? "stopping the write to " + out + " (it is left partly written)"
                  : "stopping the conversion and removing its partial output",
              inPlace ? "all of " + out : out,
              cancel -> {
                WriteJob.Progress watched =
                    (done, total) -> {
                      cancel.check();
                      shown.advanced(done, total);
                    };
                WriteJob job =
                    new WriteJob(
                        n,
                        env.sourceDateEpoch(0),
                        dst.getFileName().toString(),
                        watched,
                        durable,
                        allowOutside ? LinkedFiles.ANYWHERE : LinkedFiles.WITHIN_DIRECTORY);
                if (device && !raw) {
                  DiskImages.convertOntoDevice(src, from, dst.toRealPath(), opts, job);
                } else if (inPlace) {
                  DiskImages.convertInPlace(src, from, dst.toRealPath(), job, targetIsZero);
                } else {
                  DiskImages.convert(src, from, dst, opts, job);
                }
                return 0;
              })
          .exitCode(code -> code);
    } catch (LinkedFiles.OutsideFileException e) {
      return outsideFile(env, e);
    } catch (IOException e) {
      env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
      env.err().flush();
      return 2;
    }
  }

  private static final java.util.List<String> CACHE_MODES =
      java.util.List.of("none", "writeback", "writethrough", "directsync", "unsafe");

  /** A -t/-T value checked as qemu-img checks it; unsafe when not given. */
  private static String cacheMode(String flag, String mode) {
    if (mode == null) {
      return "unsafe";
    }
    if (!CACHE_MODES.contains(mode)) {
      throw new UsageException(
          "Invalid cache option for "
              + flag
              + ": "
              + mode
              + " (use one of "
              + String.join(", ", CACHE_MODES)
              + ")");
    }
    return mode;
  }
}
