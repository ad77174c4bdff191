package dev.ingot.disk;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.DiskFiles;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.Ova;
import dev.ingot.diag.Diagnostics;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.disk.ovf.OvaWriter;
import dev.ingot.disk.ovf.OvfSpec;
import dev.ingot.disk.ovf.OvfSpecException;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Post-processor {@code ova}: an OVF 1.0 package for vSphere (OVA tar, or a directory with .ovf,
 * .mf and the disk) around a streamOptimized VMDK of the disk, with cloud-init OVF properties. The
 * VMDK from an earlier {@code convert} step is used when there is one. Holds no state; thread-safe.
 */
public final class OvaPostProcessor implements PostProcessorPlugin {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional("vm_name", ArgType.STRING, null, "VM name (default: the build name)."),
          Arg.optional("cpus", ArgType.NUMBER, java.math.BigDecimal.valueOf(2), "Virtual CPUs."),
          Arg.optional(
              "memory", ArgType.NUMBER, java.math.BigDecimal.valueOf(2048), "Memory in MiB."),
          Arg.optional("hardware_version", ArgType.STRING, "vmx-13", "Virtual hardware version."),
          Arg.optional("os_type", ArgType.STRING, "other5xLinux64Guest", "vSphere guest OS id."),
          Arg.optional(
              "scsi_controller", ArgType.STRING, "VirtualSCSI", "VirtualSCSI or lsilogic."),
          Arg.optional("network", ArgType.STRING, "VM Network", "Name of the network."),
          Arg.optional("cdrom", ArgType.BOOL, false, "Add a CD-ROM drive."),
          Arg.optional("firmware", ArgType.STRING, null, "bios or efi (default: from the disk)."),
          Arg.optional(
              "secure_boot",
              ArgType.BOOL,
              null,
              "Turn UEFI Secure Boot on (default: when the disk was built with secure_boot)."),
          Arg.optional("properties", ArgType.STRING_MAP, null, "cloud-init OVF property defaults."),
          Arg.optional("format", ArgType.STRING, "ova", "ova (one tar) or ovf (a directory)."));

  @Override
  public String type() {
    return "ova";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Package the disk as an OVF/OVA for vSphere with a streamOptimized VMDK";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(DiskImage.class, DiskFiles.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return Ova.class;
  }

  /**
   * The OVF settings; {@code disk} null (validate, before there is a disk) checks what does not
   * depend on it, leaving firmware and Secure Boot against the disk to the run.
   */
  static OvfSpec spec(Config c, String buildName, DiskImage disk) {
    String boot = disk == null ? "hybrid" : disk.boot();
    // Without the disk, a Secure Boot request implies the EFI firmware it needs.
    boolean efiByDefault = disk == null ? c.bool("secure_boot").orElse(false) : boot.equals("uefi");
    String fw = c.string("firmware", efiByDefault ? "efi" : "bios");
    if (!fw.equals("bios") && !fw.equals("efi")) {
      throw c.error("firmware", "Unknown firmware", "Use \"bios\" or \"efi\".");
    }
    if (fw.equals("efi") && boot.equals("bios")) {
      throw c.error(
          "firmware", "The disk cannot boot with EFI", "It was built with boot = \"bios\".");
    }
    if (fw.equals("bios") && boot.equals("uefi")) {
      throw c.error(
          "firmware", "The disk cannot boot with BIOS", "It was built with boot = \"uefi\".");
    }
    boolean signed = disk == null || disk.secureBoot();
    boolean secureBoot = c.bool("secure_boot").orElse(signed && disk != null && fw.equals("efi"));
    if (secureBoot && !signed) {
      throw c.error(
          "secure_boot",
          "The disk cannot boot with Secure Boot",
          "Build it with secure_boot = true in the disk step (the signed shim and GRUB).");
    }
    if (secureBoot && !fw.equals("efi")) {
      throw c.error("secure_boot", "Secure Boot needs EFI firmware", "Set firmware = \"efi\".");
    }
    try {
      return new OvfSpec(
          c.string("vm_name", buildName),
          saturated(c.longValue("cpus", 2)),
          saturated(c.longValue("memory", 2048)),
          c.string("hardware_version", "vmx-13"),
          c.string("os_type", "other5xLinux64Guest"),
          c.string("scsi_controller", "VirtualSCSI"),
          c.string("network", "VM Network"),
          c.bool("cdrom", false),
          fw.equals("efi"),
          secureBoot,
          c.stringMap("properties"));
    } catch (OvfSpecException e) {
      throw new dev.ingot.diag.DiagnosticsException(
          new dev.ingot.diag.Diagnostics(
              e.all().stream()
                  .map(
                      x ->
                          Checks.error(
                              c, argument(x.setting()), "Bad OVF settings", x.getMessage()))
                  .toList()));
    }
  }

  /**
   * A template number as an int that OvfSpec's range checks still see as out of range: a plain cast
   * would wrap 4294967297 to 1 and accept it.
   */
  private static int saturated(long v) {
    return (int) Math.clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The template argument that sets {@code s}, so the diagnostic points at its value. */
  static String argument(OvfSpec.Setting s) {
    return switch (s) {
      case VM_NAME -> "vm_name";
      case CPUS -> "cpus";
      case MEMORY -> "memory";
      case HARDWARE_VERSION -> "hardware_version";
      case SCSI_CONTROLLER -> "scsi_controller";
      case SECURE_BOOT -> "secure_boot";
      case PROPERTIES -> "properties";
    };
  }

  /** The settings that do not depend on the disk, checked by validate. */
  @Override
  public Diagnostics check(Config config) {
    return Checks.each(
        config,
        java.util.List.of(() -> spec(config, "check", null), () -> format(config)),
        () -> {});
  }

  private static String format(Config config) {
    String format = config.string("format", "ova");
    if (!format.equals("ova") && !format.equals("ovf")) {
      throw config.error("format", "Unknown package format", "Use \"ova\" or \"ovf\".");
    }
    return format;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    DiskImage disk = input instanceof DiskFiles f ? f.source() : (DiskImage) input;
    OvfSpec spec = spec(config, ctx.buildName(), disk);
    String format = format(config);
    String diskName = spec.vmName() + "-disk1.vmdk";
    Path vmdk = streamVmdk(input, disk, ctx, diskName);
    Map<String, Path> disks = new LinkedHashMap<>();
    disks.put(diskName, vmdk);
    if (format.equals("ova")) {
      Path out = ctx.outputDir().resolve(spec.vmName() + ".ova");
      try (AtomicOutput tmp = AtomicOutput.file(out)) {
        try (OutputStream os = Files.newOutputStream(tmp.path())) {
          OvaWriter.writeOva(spec, disks, os, ctx.sourceDateEpoch());
        }
        tmp.commit(true);
      } finally {
        if (!(input instanceof DiskFiles f && f.disks().contains(vmdk))) {
          Files.deleteIfExists(vmdk);
        }
      }
      return new Ova(out, disk);
    }
    Path dir = ctx.outputDir().resolve(spec.vmName() + "-ovf");
    try (AtomicOutput tmp = AtomicOutput.directory(dir)) {
      for (Map.Entry<String, byte[]> m : OvaWriter.metadata(spec, disks).entrySet()) {
        Files.write(tmp.path().resolve(m.getKey()), m.getValue());
      }
      Files.copy(vmdk, tmp.path().resolve(diskName));
      tmp.commit(true);
    }
    return new Ova(dir.resolve(spec.vmName() + ".ovf"), disk);
  }

  /** A streamOptimized VMDK of the disk: the one convert made, or a new temporary one. */
  private static Path streamVmdk(Artifact input, DiskImage disk, StepContext ctx, String name)
      throws Exception {
    if (input instanceof DiskFiles f) {
      for (Path p : f.disks()) {
        if (p.toString().endsWith(".vmdk")) {
          try (var r = DiskImages.open(p, DiskFormat.VMDK)) {
            if (r.info().subformat().equals("streamOptimized")) {
              return p;
            }
          }
        }
      }
    }
    Path tmp = ctx.outputDir().resolve("." + name + ".tmp");
    ctx.log().info("writing a streamOptimized VMDK for the OVF");
    DiskImages.convert(
        disk.raw(),
        DiskFormat.RAW,
        tmp,
        DiskImages.options(DiskFormat.VMDK, "", false),
        new WriteJob(
            Runtime.getRuntime().availableProcessors(),
            ctx.sourceDateEpoch(),
            name,
            new StepProgress(ctx, "writing " + name)));
    ctx.cleanups().add("remove " + tmp, () -> Files.deleteIfExists(tmp));
    return tmp;
  }
}
