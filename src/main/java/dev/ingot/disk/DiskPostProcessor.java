package dev.ingot.disk;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostics;
import dev.ingot.disk.customize.Generalizer;
import dev.ingot.disk.format.Sizes;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Post-processor {@code disk}: a bootable raw disk from a root filesystem (GPT or MBR; BIOS, UEFI
 * or both; ext4), generalized for use as a VM template. Holds no state; thread-safe.
 */
public final class DiskPostProcessor implements PostProcessorPlugin {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "size",
              ArgType.STRING,
              "4G",
              "Disk size, e.g. \"4G\" (whole MiB), or \"auto\": the smallest that holds the"
                  + " files with 10% to spare."),
          Arg.optional("partition_table", ArgType.STRING, "gpt", "gpt or mbr."),
          Arg.optional("boot", ArgType.STRING, "hybrid", "bios, uefi or hybrid."),
          Arg.optional(
              "secure_boot",
              ArgType.BOOL,
              false,
              "Boot UEFI through the image's signed shim and GRUB (shim-signed,"
                  + " grub-efi-amd64-signed), as Secure Boot firmware requires."),
          Arg.optional("filesystem", ArgType.STRING, "ext4", "Root filesystem type (ext4)."),
          Arg.optional("root_label", ArgType.STRING, "root", "Label of the root filesystem."),
          Arg.optional("esp_size", ArgType.STRING, "64M", "Size of the EFI system partition."),
          Arg.optional(
              "boot_partition_size", ArgType.STRING, "0", "Size of a separate /boot (0: none)."),
          Arg.optional("kernel_args", ArgType.STRING_LIST, null, "Extra kernel arguments."),
          Arg.optional("output", ArgType.STRING, null, "File name (default <build>.raw)."));

  @Override
  public String type() {
    return "disk";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Assemble a bootable raw disk (GPT/MBR, BIOS/UEFI, ext4, GRUB) from a root filesystem";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(RootFs.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return DiskImage.class;
  }

  /** Parses and checks the arguments; bad values are diagnostics at the argument. */
  static DiskSpec spec(Config c, String seed, long epoch) {
    // "auto" starts from the smallest disk the partitions allow; the step then finds the size.
    boolean auto = auto(c);
    long size = auto ? 0 : size(c, "size", "4G");
    PartitionTable.Scheme scheme = scheme(c);
    BootMode boot = boot(c);
    boolean secureBoot = secureBoot(c, boot);
    filesystem(c);
    String label = label(c);
    long esp = esp(c, boot);
    long bootSize = size(c, "boot_partition_size", "0");
    if (auto) {
      size = DiskSpec.smallest(boot, esp, bootSize);
    }
    try {
      return new DiskSpec(
          size,
          scheme,
          boot,
          secureBoot,
          "ext4",
          label,
          esp,
          bootSize,
          c.strings("kernel_args"),
          seed,
          epoch);
    } catch (IllegalArgumentException e) {
      throw c.error("size", "Bad disk size", e.getMessage());
    }
  }

  private static PartitionTable.Scheme scheme(Config c) {
    try {
      return PartitionTable.Scheme.valueOf(
          c.string("partition_table", "gpt").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw c.error("partition_table", "Unknown partition table", "Use \"gpt\" or \"mbr\".");
    }
  }

  private static BootMode boot(Config c) {
    return knownBoot(c)
        .orElseThrow(
            () -> c.error("boot", "Unknown boot mode", "Use \"bios\", \"uefi\" or \"hybrid\"."));
  }

  private static java.util.Optional<BootMode> knownBoot(Config c) {
    try {
      return java.util.Optional.of(BootMode.parse(c.string("boot", "hybrid")));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean secureBoot(Config c, BootMode boot) {
    boolean secureBoot = c.bool("secure_boot", false);
    if (secureBoot && !boot.uefi()) {
      throw c.error(
          "secure_boot",
          "Secure Boot needs UEFI",
          "Use boot = \"uefi\" or \"hybrid\" with secure_boot = true.");
    }
    return secureBoot;
  }

  private static void filesystem(Config c) {
    if (!c.string("filesystem", "ext4").equals("ext4")) {
      throw c.error("filesystem", "Unsupported filesystem", "Only \"ext4\" is supported.");
    }
  }

  private static String label(Config c) {
    String label = c.string("root_label", "root");
    if (label.isEmpty() || label.length() > 16) {
      throw c.error("root_label", "Bad root label", "Use 1 to 16 characters.");
    }
    return label;
  }

  private static long esp(Config c, BootMode boot) {
    long esp = size(c, "esp_size", "64M");
    if (boot.uefi() && esp < (33L << 20)) {
      throw c.error("esp_size", "Bad size", "The EFI system partition needs at least 33 MiB.");
    }
    return esp;
  }

  /** Whether the disk's size is to be found from its files. */
  static boolean auto(Config c) {
    return c.string("size", "4G").equals("auto");
  }

  private static long size(Config c, String name, String fallback) {
    try {
      long v = Sizes.parse(c.string(name, fallback));
      if (v % (1 << 20) != 0) {
        throw new IllegalArgumentException("not whole MiB");
      }
      return v;
    } catch (IllegalArgumentException e) {
      throw c.error(
          name,
          "Bad size",
          "Write a size in whole MiB such as \"4G\" or \"512M\""
              + (name.equals("size") ? ", or \"auto\"" : "")
              + ": "
              + e.getMessage());
    }
  }

  /** Adds the arguments in the image's /etc/kernel/cmdline (written by customize) to the spec's. */
  static DiskSpec withCmdline(DiskSpec s, RootFs r) throws java.io.IOException {
    var e = r.tree().get("etc/kernel/cmdline").filter(dev.ingot.fs.FileEntry::isRegular);
    if (e.isEmpty() || e.get().content() == null) {
      return s;
    }
    String text;
    try (var in = r.blobs().open(e.get().content())) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.List<String> args =
        new java.util.ArrayList<>(java.util.List.of(text.strip().split("\\s+")));
    args.removeIf(String::isBlank);
    args.addAll(s.kernelArgs());
    return s.withKernelArgs(args);
  }

  @Override
  public Diagnostics check(Config config) {
    // Each argument alone first, so that every bad one is reported in one run; the ones that
    // depend on the boot mode once it is known (its own error is reported once).
    return Checks.each(
        config,
        java.util.List.of(
            () -> {
              if (!auto(config)) {
                size(config, "size", "4G");
              }
            },
            () -> scheme(config),
            () -> boot(config),
            () -> knownBoot(config).ifPresent(b -> secureBoot(config, b)),
            () -> knownBoot(config).ifPresent(b -> esp(config, b)),
            () -> filesystem(config),
            () -> label(config),
            () -> size(config, "boot_partition_size", "0"),
            () -> outputName(config, "check")),
        () -> spec(config, "check", 0));
  }

  private static String outputName(Config config, String buildName) {
    String name = config.string("output", buildName + ".raw");
    if (name.contains("/") || name.isBlank()) {
      throw config.error("output", "Bad output name", "Give a file name without directories.");
    }
    return name;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    RootFs rootfs = (RootFs) input;
    String name = outputName(config, ctx.buildName());
    DiskSpec spec = spec(config, ctx.buildName() + "/" + name, ctx.sourceDateEpoch());
    Files.createDirectories(ctx.outputDir());
    Path out = ctx.outputDir().resolve(name);
    Path work = Files.createTempDirectory(ctx.outputDir(), ".disk-work-");
    ctx.cleanups().add("remove " + work, () -> dev.ingot.plugin.AtomicOutput.deleteTree(work));
    try {
      ctx.log().info("generalizing the root filesystem for a VM image");
      RootFs general = Generalizer.apply(rootfs);
      spec = withCmdline(spec, general);
      DiskBuilder builder = new DiskBuilder(new Tools(ctx.processes(), ctx.cancellation()), work);
      if (auto(config)) {
        spec = builder.fit(general.tree(), general.blobs(), spec);
        ctx.log()
            .info("size auto: " + Sizes.human(spec.size()) + " holds the files with 10% to spare");
      }
      ctx.log()
          .info(
              "assembling "
                  + out.getFileName()
                  + " ("
                  + Sizes.human(spec.size())
                  + ", "
                  + spec.boot().id()
                  + (spec.secureBoot() ? ", Secure Boot" : "")
                  + ")");
      try {
        builder.build(general.tree(), general.blobs(), spec, out);
      } catch (NoRoomException e) {
        throw config.error(e.argument(), "Not enough room on the disk", e.getMessage() + ".");
      }
      return new DiskImage(out, spec.size(), spec.boot().id(), spec.secureBoot(), general);
    } finally {
      dev.ingot.plugin.AtomicOutput.deleteTree(work);
    }
  }
}
