package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ingot.artifact.DiskFiles;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.Ova;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.disk.format.TestDisks;
import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.StepContext;
import dev.ingot.plugin.TestContexts;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** customize → disk → convert → ova called as the engine calls them, on a small synthetic tree. */
@Tag("peer")
class PluginChainPeerTest {
  @TempDir Path tmp;
  static final long T = 1_700_000_000L;

  final TestContexts.RecordingLog log = new TestContexts.RecordingLog();

  StepContext ctx() {
    return ctx(log, new Cancellation());
  }

  StepContext ctx(BuildLog log, Cancellation cancel) {
    return new StepContext(
        "vm",
        "debian",
        "vm",
        tmp,
        tmp,
        tmp.resolve("output/vm"),
        tmp.resolve("cache"),
        false,
        true,
        T,
        Map.of(),
        log,
        cancel,
        new Cleanups(),
        new LocalProcessRunner());
  }

  RootFs rootfs() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T));
    for (String[] f :
        new String[][] {
          {"boot/vmlinuz-6.1.0-10-amd64", "kernel"},
          {"boot/initrd.img-6.1.0-10-amd64", "initrd"},
          {"etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"},
          {"etc/group", "root:x:0:\nsudo:x:27:\n"},
          {"etc/shadow", "root:*:19000:0:99999:7:::\n"},
          {"etc/gshadow", "root:*::\nsudo:*::\n"},
          {"etc/machine-id", "uninitialized\n"},
          {"var/log/dpkg.log", "log"}
        }) {
      byte[] d = f[1].getBytes();
      Digest dg = blobs.put(new ByteArrayInputStream(d));
      b.putWithParents(FileEntry.file(f[0], 0644, 0, 0, T, d.length, dg), 0755, T);
    }
    return new RootFs(b.build(), blobs, List.of(), "system", "amd64", "debian-12");
  }

  static PostProcessorPlugin plugin(String type) {
    return ServiceLoader.load(PostProcessorPlugin.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no post-processor " + type + " registered"));
  }

  @Test
  void chainProducesDiskFormatsAndOva() throws Exception {
    StepContext ctx = ctx();
    RootFs custom =
        (RootFs)
            plugin("customize")
                .process(
                    Config.of(
                        Map.of(
                            "hostname",
                            "vm1",
                            "kernel_args",
                            List.of("net.ifnames=0"),
                            "users",
                            List.of(Map.of("name", "admin", "groups", List.of("sudo"))))),
                    rootfs(),
                    ctx);
    DiskImage disk =
        (DiskImage)
            plugin("disk")
                .process(Config.of(Map.of("size", "256M", "boot", "hybrid")), custom, ctx);
    assertThat(disk.raw()).exists().hasFileName("vm.raw");
    assertThat(disk.virtualSize()).isEqualTo(256L << 20);
    assertThat(disk.rootfs().tree().get("etc/machine-id").orElseThrow().size()).isZero();
    assertThat(disk.rootfs().tree().contains("var/log/dpkg.log")).isFalse();
    DiskFiles files =
        (DiskFiles)
            plugin("convert")
                .process(
                    Config.of(
                        Map.of(
                            "formats",
                            List.of("qcow2", "vmdk", "vhd"),
                            "options",
                            Map.of("qcow2", "compress"))),
                    disk,
                    ctx);
    assertThat(files.disks())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("vm.qcow2", "vm.vmdk", "vm.vhd");
    // Each output reports its progress in bytes of the disk, from 0 to all of it.
    long size = 256L << 20;
    for (String name : List.of("vm.qcow2", "vm.vmdk", "vm.vhd")) {
      String task = "progress: writing " + name + " ";
      List<String> mine = log.lines().stream().filter(l -> l.startsWith(task)).toList();
      assertThat(mine).hasSizeGreaterThan(2);
      assertThat(mine.getFirst()).isEqualTo(task + "0/" + size);
      assertThat(mine.getLast()).isEqualTo(task + size + "/" + size);
    }
    for (Path p : files.disks()) {
      String fmt =
          p.toString().endsWith(".vhd")
              ? "vpc"
              : p.toString().substring(p.toString().lastIndexOf('.') + 1);
      TestDisks.assertIdenticalToRaw(disk.raw(), p, fmt);
    }
    Ova ova =
        (Ova)
            plugin("ova")
                .process(Config.of(Map.of("cpus", java.math.BigDecimal.valueOf(4))), files, ctx);
    assertThat(ova.ova()).hasFileName("vm.ova").exists();
    ctx.cleanups().runAll();
    try (var s = Files.list(ctx.outputDir())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("vm.raw", "vm.qcow2", "vm.vmdk", "vm.vhd", "vm.ova");
    }
  }

  @Test
  void aTreeTooBigForTheDiskIsRefusedAtItsSizeWithOneThatFits() throws Exception {
    RootFs small = rootfs();
    byte[] data = new byte[90 << 20];
    new java.util.Random(3).nextBytes(data); // random: mke2fs would store zeros as holes
    Digest d = small.blobs().put(new ByteArrayInputStream(data));
    RootFs big =
        small.withTree(
            small.tree().toBuilder()
                .put(FileEntry.file("srv/data.bin", 0644, 0, 0, T, data.length, d))
                .put(FileEntry.directory("srv", 0755, 0, 0, T))
                .build());
    StepContext ctx = ctx();
    String message;
    try {
      plugin("disk").process(Config.of(Map.of("size", "128M")), big, ctx);
      throw new AssertionError("accepted");
    } catch (DiagnosticsException e) {
      assertThat(e.getMessage()).isEqualTo("Not enough room on the disk");
      message = e.diagnostics().all().get(0).detail();
    }
    assertThat(message).contains("need about 91 MiB").contains("this 128 MiB disk");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Set size = \"(\\d+)M\"").matcher(message);
    assertThat(m.find()).as(message).isTrue();
    long suggested = Long.parseLong(m.group(1));
    assertThat(suggested)
        .as("room for 90 MiB and a tenth more, beside a 64 MiB ESP")
        .isBetween(192L, 320L);
    try (var s = Files.list(ctx.outputDir())) {
      assertThat(s).as("nothing left behind").isEmpty();
    }
    DiskImage disk =
        (DiskImage) plugin("disk").process(Config.of(Map.of("size", suggested + "M")), big, ctx);
    assertThat(disk.virtualSize()).isEqualTo(suggested << 20);
    // "auto" finds that size itself: the smallest multiple of 64 MiB with the room to spare.
    DiskImage auto =
        (DiskImage)
            plugin("disk")
                .process(Config.of(Map.of("size", "auto", "output", "auto.raw")), big, ctx);
    assertThat(auto.virtualSize()).isEqualTo(suggested << 20);
    assertThat(log.lines())
        .contains("info: size auto: " + suggested + " MiB holds the files with 10% to spare");
  }

  @Test
  void aSeparateBootTooSmallForItsFilesIsRefusedAtItsSize() throws Exception {
    RootFs small = rootfs();
    byte[] data = new byte[70 << 20];
    new java.util.Random(5).nextBytes(data);
    Digest d = small.blobs().put(new ByteArrayInputStream(data));
    RootFs big =
        small.withTree(
            small.tree().toBuilder()
                .put(
                    FileEntry.file("boot/initrd.img-6.1.0-10-amd64", 0644, 0, 0, T, data.length, d))
                .build());
    StepContext ctx = ctx();
    DiagnosticsException e =
        catchThrowableOfType(
            DiagnosticsException.class,
            () ->
                plugin("disk")
                    .process(
                        Config.of(Map.of("size", "1G", "boot_partition_size", "64M")), big, ctx));
    assertThat(e).isNotNull();
    String detail = e.diagnostics().all().get(0).detail();
    assertThat(detail)
        .contains("the files of the /boot filesystem need about 71 MiB")
        .contains("Set boot_partition_size = \"");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("boot_partition_size = \"(\\d+)M\"").matcher(detail);
    assertThat(m.find()).isTrue();
    DiskImage disk =
        (DiskImage)
            plugin("disk")
                .process(
                    Config.of(Map.of("size", "1G", "boot_partition_size", m.group(1) + "M")),
                    big,
                    ctx);
    assertThat(disk.raw()).exists();
  }

  @Test
  void convertWritesAnOverlayOfTheLastReleaseWhenGivenItsBackingFile() throws Exception {
    StepContext ctx = ctx();
    DiskImage disk =
        (DiskImage) plugin("disk").process(Config.of(Map.of("size", "256M")), rootfs(), ctx);
    Path last = tmp.resolve("releases/vm-last.qcow2");
    Files.createDirectories(last.getParent());
    TestDisks.runOk("qemu-img", "convert", "-O", "qcow2", disk.raw().toString(), last.toString());
    DiskFiles delta =
        (DiskFiles)
            plugin("convert")
                .process(
                    Config.of(
                        Map.of(
                            "formats",
                            List.of("qcow2"),
                            "options",
                            Map.of("qcow2", "backing_file=" + last))),
                    disk,
                    ctx);
    Path d = delta.disks().getFirst();
    assertThat(TestDisks.qemuInfo(d, null).path("backing-filename").asText())
        .isEqualTo(last.toString());
    TestDisks.assertIdenticalToRaw(disk.raw(), d, "qcow2");
    // Nothing changed since that release: the overlay is metadata only.
    assertThat(Files.size(d)).isLessThan(1 << 20);
  }

  @Test
  void aBuildCancelledWhileConvertingLeavesNoPartialImage() throws Exception {
    DiskImage disk =
        (DiskImage) plugin("disk").process(Config.of(Map.of("size", "256M")), rootfs(), ctx());
    Cancellation cancel = new Cancellation();
    // Ctrl-C arrives once the conversion is under way: at its first progress report.
    TestContexts.RecordingLog cancelling =
        new TestContexts.RecordingLog() {
          @Override
          public synchronized void progress(String task, long done, long total) {
            super.progress(task, done, total);
            cancel.cancel();
          }
        };
    assertThatThrownBy(
            () ->
                plugin("convert")
                    .process(
                        Config.of(Map.of("formats", List.of("qcow2"))),
                        disk,
                        ctx(cancelling, cancel)))
        .isInstanceOf(Cancellation.CancelledException.class);
    // It stopped at the next report, not at the end.
    assertThat(cancelling.lines()).filteredOn(l -> l.startsWith("progress: ")).hasSize(1);
    try (var s = Files.list(ctx().outputDir())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("vm.raw");
    }
  }

  @Test
  void badArgumentsAreDiagnosticsBeforeAnythingIsWritten() throws Exception {
    StepContext ctx = ctx();
    assertThatThrownBy(
            () -> plugin("disk").process(Config.of(Map.of("size", "3.5G")), rootfs(), ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Bad size");
    assertThatThrownBy(
            () -> plugin("disk").process(Config.of(Map.of("boot", "coreboot")), rootfs(), ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("boot mode");
    DiskImage fake = new DiskImage(tmp.resolve("x.raw"), 1 << 20, "bios", false, null);
    assertThatThrownBy(
            () ->
                plugin("convert")
                    .process(Config.of(Map.of("formats", List.of("qcow3"))), fake, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Unknown disk format");
    assertThatThrownBy(
            () ->
                plugin("convert")
                    .process(
                        Config.of(
                            Map.of(
                                "formats",
                                List.of("vmdk"),
                                "options",
                                Map.of("vmdk", "subformat=monolithicFlat"))),
                        fake,
                        ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Flat and split VMDKs are for ingot convert");
    assertThatThrownBy(() -> plugin("ova").process(Config.of(Map.of("firmware", "efi")), fake, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("cannot boot with EFI");
    assertThatThrownBy(
            () ->
                plugin("disk")
                    .process(Config.of(Map.of("boot", "bios", "secure_boot", true)), rootfs(), ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Secure Boot needs UEFI");
    DiskImage uefi = new DiskImage(tmp.resolve("x.raw"), 1 << 20, "uefi", false, null);
    assertThatThrownBy(
            () -> plugin("ova").process(Config.of(Map.of("secure_boot", true)), uefi, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("cannot boot with Secure Boot");
    DiskImage signed = new DiskImage(tmp.resolve("x.raw"), 1 << 20, "uefi", true, null);
    assertThatThrownBy(
            () ->
                plugin("ova").process(Config.of(Map.of("hardware_version", "vmx-11")), signed, ctx))
        .isInstanceOf(DiagnosticsException.class)
        .satisfies(
            e ->
                assertThat(((DiagnosticsException) e).diagnostics().toString())
                    .contains("vmx-13 or later"));
    assertThat(ctx.outputDir().resolve("vm.raw")).doesNotExist();
  }
}
