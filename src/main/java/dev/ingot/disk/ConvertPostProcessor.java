package dev.ingot.disk;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.DiskFiles;
import dev.ingot.artifact.DiskImage;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.disk.format.WriteOptions;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-processor {@code convert}: writes the raw disk in deployable formats beside it, e.g. {@code
 * formats = ["qcow2", "vmdk", "vhd"]} with qemu-img style {@code options = { vmdk =
 * "subformat=streamOptimized" }}. Holds no state; thread-safe.
 */
public final class ConvertPostProcessor implements PostProcessorPlugin {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.required("formats", ArgType.STRING_LIST, "Formats to write: qcow2, vmdk, vhd, raw."),
          Arg.optional(
              "options",
              ArgType.STRING_MAP,
              null,
              "Options per format as qemu-img -o takes them, e.g. { qcow2 = \"compress\" }."),
          Arg.optional(
              "threads", ArgType.NUMBER, null, "Compression threads (default: all cores)."));

  @Override
  public String type() {
    return "convert";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Convert a raw disk to qcow2, VMDK and VHD with Ingot's own writers";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(DiskImage.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return DiskFiles.class;
  }

  /**
   * The format → options plan, checked; bad names and options are diagnostics, every one of them
   * reported at once.
   */
  static Map<DiskFormat, WriteOptions> plan(Config c) {
    Map<DiskFormat, WriteOptions> out = new LinkedHashMap<>();
    List<Diagnostic> bad = new ArrayList<>();
    Set<DiskFormat> listed = new java.util.HashSet<>(); // with options good or bad
    Map<String, String> opts = c.stringMap("options");
    for (String f : c.strings("formats")) {
      DiskFormat fmt;
      try {
        fmt = DiskFormat.parse(f);
      } catch (IllegalArgumentException e) {
        bad.add(Checks.error(c, "formats", "Unknown disk format", e.getMessage()));
        continue;
      }
      if (!listed.add(fmt)) {
        bad.add(
            Checks.error(
                c,
                "formats",
                "A format listed twice",
                fmt.id() + " is in formats more than once."));
        continue;
      }
      try {
        WriteOptions w = DiskImages.options(fmt, opts.getOrDefault(fmt.id(), opts.get(f)), false);
        // A build's artifact is one file per format; a flat VMDK is two (descriptor and extent).
        if (!w.oneFile()) {
          bad.add(
              Checks.error(
                  c,
                  "options",
                  "Flat and split VMDKs are for ingot convert",
                  "A build writes one file per format, and monolithicFlat and the twoGbMaxExtent"
                      + " kinds are several: use subformat=monolithicSparse or streamOptimized, or"
                      + " convert the raw disk afterwards with ingot convert."));
        }
        // An absolute base that is not there is known now; the build found it after its disk.
        if (w instanceof WriteOptions.Qcow2 q
            && q.backingFile() != null
            && Path.of(q.backingFile()).isAbsolute()
            && !java.nio.file.Files.exists(Path.of(q.backingFile()))) {
          bad.add(
              Checks.error(
                  c,
                  "options",
                  "Backing file not found",
                  q.backingFile()
                      + " does not exist: build or copy the base image there first, or name"
                      + " another."));
        }
        out.put(fmt, w);
      } catch (IllegalArgumentException e) {
        bad.add(Checks.error(c, "options", "Bad " + fmt.id() + " options", e.getMessage()));
      }
    }
    if (listed.isEmpty() && bad.isEmpty()) {
      bad.add(
          Checks.error(
              c, "formats", "No formats", "List at least one of \"qcow2\", \"vmdk\", \"vhd\"."));
    }
    for (String k : opts.keySet()) {
      if (listed.stream().noneMatch(f -> f.id().equals(k) || f.qemuName().equals(k))) {
        bad.add(
            Checks.error(
                c,
                "options",
                "Options for a format not converted to",
                "'" + k + "' is not in formats."));
      }
    }
    if (!bad.isEmpty()) {
      throw new DiagnosticsException(new Diagnostics(bad));
    }
    return out;
  }

  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(config, () -> plan(config));
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    DiskImage disk = (DiskImage) input;
    Map<DiskFormat, WriteOptions> plan = plan(config);
    int threads = (int) config.longValue("threads", Runtime.getRuntime().availableProcessors());
    String base = disk.raw().getFileName().toString().replaceFirst("\\.(raw|img)$", "");
    List<Path> outs = new ArrayList<>();
    for (Map.Entry<DiskFormat, WriteOptions> e : plan.entrySet()) {
      ctx.cancellation().check();
      String name = base + "." + e.getKey().extension();
      Path out = disk.raw().resolveSibling(name);
      if (out.equals(disk.raw())) {
        throw config.error(
            "formats", "Output would replace the input", name + " is the source disk.");
      }
      ctx.log().info("writing " + name);
      DiskImages.convert(
          disk.raw(),
          DiskFormat.RAW,
          out,
          e.getValue(),
          new WriteJob(
              Math.max(1, threads),
              ctx.sourceDateEpoch(),
              name,
              new StepProgress(ctx, "writing " + name)));
      outs.add(out);
    }
    return new DiskFiles(outs, disk);
  }
}
