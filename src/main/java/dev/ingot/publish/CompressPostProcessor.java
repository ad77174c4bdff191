package dev.ingot.publish;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.FileSet;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Post-processor {@code compress}: packs the artifact's files into {@code output} (default {@code
 * packer_{{.BuildName}}_{{.BuilderType}}.tar.gz}); several files need an archive format (tar.gz,
 * tar.zst, tar.xz, tar, zip), a single file may also be compressed alone (gz, zst, xz). Archives
 * are reproducible: entries by file name, sorted, owner 0:0, mtime SOURCE_DATE_EPOCH. Written to a
 * temporary sibling and renamed when complete; an existing output is replaced, as Packer does.
 */
public final class CompressPostProcessor implements PostProcessorPlugin {
  private static final String DEFAULT_OUTPUT = "packer_{{.BuildName}}_{{.BuilderType}}.tar.gz";

  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "output",
              ArgType.STRING,
              DEFAULT_OUTPUT,
              "The compressed file; {{.BuildName}} and {{.BuilderType}} are replaced."),
          Arg.optional("format", ArgType.STRING, null, "Overrides the format of the extension."),
          Arg.optional(
              "compression_level", ArgType.NUMBER, null, "gzip/xz 0-9, zstd 1-22; default 6."));

  @Override
  public String type() {
    return "compress";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Compresses the artifact's files (tar.gz, tar.zst, tar.xz, zip, gz, zst, xz).";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return FileArtifacts.WITH_FILES;
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return FileSet.class;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    String output =
        OutputFiles.fill(
            config, "output", config.string("output", DEFAULT_OUTPUT), FileArtifacts.names(ctx));
    Checks.orThrow(check(config));
    CompressFormat format = format(config).orElseThrow();
    int level = level(config, format.codec());
    List<Path> files = FileArtifacts.files(input, ctx, "compress");
    if (format.container() == CompressFormat.Container.NONE
        && (files.size() != 1 || Files.isDirectory(files.get(0)))) {
      throw config.error(
          "output",
          "Cannot put " + files.size() + " files into one ." + format.name() + " file",
          "Use an archive format such as .tar.gz, .tar.zst or .tar.xz for several files or a directory.");
    }
    Path target = ctx.cwd().resolve(output).normalize();
    refuseInput(config, target, files);
    ctx.log()
        .info(
            "Compressing "
                + files.size()
                + " file(s) into "
                + output
                + " ("
                + format.name()
                + ", level "
                + level
                + ")");
    Progress progress = new Progress(ctx, "Compressing " + output, total(files));
    try (AtomicOutput out = AtomicOutput.file(target)) {
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out.path()), 1 << 16);
          OutputStream z = format.compress(raw, level)) {
        switch (format.container()) {
          case NONE -> copy(files.get(0), z, progress);
          case TAR -> Archives.tar(files, z, ctx.sourceDateEpoch(), f -> copyTo(f, progress));
          case ZIP -> Archives.zip(files, z, ctx.sourceDateEpoch(), f -> copyTo(f, progress));
        }
      }
      out.commit(true);
    }
    ctx.log().info("Archive " + output + " completed");
    return new FileSet(List.of(target), input);
  }

  /**
   * An output that is one of the files it packs, or lies inside a directory it packs: the archive
   * replaced its own input (an oci-archive.tar became a tar holding the old oci-archive.tar).
   */
  private static void refuseInput(Config config, Path target, List<Path> files) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    for (Path f : files) {
      Path in = f.toAbsolutePath().normalize();
      boolean same =
          t.equals(in)
              || (Files.exists(t) && Files.exists(in) && Files.isSameFile(t, in))
              || (Files.isDirectory(in) && t.startsWith(in));
      if (same) {
        throw config.error(
            "output",
            "Output is an input",
            target
                + (t.equals(in) || !Files.isDirectory(in) ? " is " : " lies in ")
                + f
                + ", which this step packs: give the archive a name of its own.");
      }
    }
  }

  private static java.util.Optional<CompressFormat> format(Config c) {
    return CompressFormat.find(c.string("format").orElse(null), c.string("output", DEFAULT_OUTPUT));
  }

  private static int level(Config c, CompressFormat.Codec codec) {
    return c.has("compression_level") && codec != CompressFormat.Codec.NONE
        ? (int) c.longValue("compression_level", codec.standard)
        : codec.standard;
  }

  /** Packer's validate checks: a known format, a level the codec takes. */
  @Override
  public dev.ingot.diag.Diagnostics check(Config c) {
    var format = format(c);
    if (format.isEmpty()) {
      return dev.ingot.diag.Diagnostics.of(
          Checks.error(
              c,
              c.has("format") ? "format" : "output",
              "Unknown compression format for " + c.string("output", DEFAULT_OUTPUT),
              "Use an output ending in one of: " + CompressFormat.names() + " (or set format)."));
    }
    CompressFormat.Codec codec = format.get().codec();
    long l = c.longValue("compression_level", codec.standard);
    if (codec != CompressFormat.Codec.NONE && (l < codec.min || l > codec.max)) {
      return dev.ingot.diag.Diagnostics.of(
          Checks.error(
              c,
              "compression_level",
              "compression_level " + l + " is out of range",
              "For "
                  + codec.name().toLowerCase(java.util.Locale.ROOT)
                  + " use "
                  + codec.min
                  + " to "
                  + codec.max
                  + "."));
    }
    return dev.ingot.diag.Diagnostics.NONE;
  }

  private static long total(List<Path> files) throws java.io.IOException {
    long n = 0;
    for (Path f : files) {
      if (Files.isRegularFile(f)) {
        n += Files.size(f);
      }
    }
    return n;
  }

  private static Archives.Content copyTo(Path f, Progress p) {
    return out -> copy(f, out, p);
  }

  private static void copy(Path f, OutputStream out, Progress p) throws java.io.IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        p.add(n);
      }
    }
  }

  /** Reports progress at most every 8 MiB and at the end. */
  private static final class Progress {
    private final StepContext ctx;
    private final String task;
    private final long total;
    private long done;
    private long reported;

    Progress(StepContext ctx, String task, long total) {
      this.ctx = ctx;
      this.task = task;
      this.total = total;
    }

    void add(long n) {
      ctx.cancellation().check();
      done += n;
      if (done - reported >= (8 << 20) || done == total) {
        reported = done;
        ctx.log().progress(task, done, total);
      }
    }
  }
}
