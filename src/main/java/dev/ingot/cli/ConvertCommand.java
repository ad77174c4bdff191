package dev.ingot.cli;

import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.disk.format.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot convert}: converts a disk image between raw, qcow2, VMDK and VHD, as qemu-img. */
@Command(
    name = "convert",
    description = {
      "Convert a disk image to another format (raw, qcow2, vmdk, vhd), like qemu-img convert.",
      "Zero areas are skipped, compression runs on all cores; output appears only when complete."
    })
public final class ConvertCommand implements Callable<Integer> {
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
          "Format options, comma separated: qcow2 cluster_size=N,compression_level=N"
              + " (1-9; deflate's default 1, the fastest),compression_type=zlib|zstd;"
              + " vmdk subformat=streamOptimized|monolithicSparse,adapter_type=…,"
              + "toolsversion=N,hwversion=N; vhd subformat=dynamic|fixed.")
  String options;

  @Option(names = "-c", description = "Compress (qcow2; streamOptimized VMDK always is).")
  boolean compress;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Threads for reading and compression (default: all cores).")
  Integer threads;

  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  public ConvertCommand(CliEnv env) {
    this.env = env;
    // The command object exists before its options are parsed: the set-up runs meanwhile.
    DiskImages.prepare();
  }

  @Override
  public Integer call() {
    Path src = env.cwd().resolve(in);
    Path dst = env.cwd().resolve(out);
    WriteOptions opts;
    DiskFormat from;
    try {
      from = inFormat == null ? null : DiskFormat.parse(inFormat);
      opts = DiskImages.options(DiskFormat.parse(outFormat), options, compress);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (!Files.isRegularFile(src)) {
      throw new UsageException("input image not found: " + in);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    try {
      WriteJob job = new WriteJob(n, env.sourceDateEpoch(0), dst.getFileName().toString());
      DiskImages.convert(src, from, dst, opts, job);
      return 0;
    } catch (IOException e) {
      env.err().println("Error: " + e.getMessage());
      env.err().flush();
      return 2;
    }
  }
}
