package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.RootFs;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.vm.Firmware;
import dev.ingot.vm.QemuRunner;
import dev.ingot.vm.QemuVm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hybrid GPT disk assembled from a Debian root filesystem boots under QEMU (TCG) with SeaBIOS and
 * with OVMF to a marker a systemd unit prints on the serial console once multi-user is reached. One
 * disk is built and shared by the boots.
 */
@Tag("peer")
@Tag("slow")
class BootPeerTest {
  static final String MARKER = "INGOT-BOOT-OK";
  @TempDir static Path tmp;
  static Path disk;
  static DiskLayout layout;
  static dev.ingot.vm.Accelerator accel;

  static RootFs withMarker(RootFs r) throws Exception {
    String unit =
        "[Unit]\nDescription=Ingot boot test marker\nAfter=basic.target\n\n[Service]\nType=oneshot\n"
            + "ExecStart=/bin/sh -c 'echo "
            + MARKER
            + " > /dev/ttyS0'\n\n[Install]\nWantedBy=multi-user.target\n";
    byte[] b = unit.getBytes(StandardCharsets.UTF_8);
    Digest d = r.blobs().put(new ByteArrayInputStream(b));
    long t = 1_700_000_000L;
    FileTree tree =
        r.tree().toBuilder()
            .putWithParents(
                FileEntry.file(
                    "etc/systemd/system/ingot-marker.service", 0644, 0, 0, t, b.length, d),
                0755,
                t)
            .putWithParents(
                FileEntry.symlink(
                    "etc/systemd/system/multi-user.target.wants/ingot-marker.service",
                    "/etc/systemd/system/ingot-marker.service",
                    0,
                    0,
                    t),
                0755,
                t)
            .build();
    return new RootFs(tree, r.blobs(), r.packages(), r.variant(), r.architecture(), r.osRelease());
  }

  static DiskSpec spec() {
    return new DiskSpec(
        2L << 30,
        PartitionTable.Scheme.GPT,
        BootMode.HYBRID,
        "ext4",
        "root",
        DiskSpec.DEFAULT_ESP,
        0,
        List.of(),
        "boot-test",
        1_700_000_000L);
  }

  static DiskLayout build(RootFs r, Path out) throws Exception {
    Path work = Files.createTempDirectory(tmp, "work");
    try {
      return new DiskBuilder(new Tools(new LocalProcessRunner(), new Cancellation()), work)
          .build(r.tree(), r.blobs(), spec(), out);
    } finally {
      dev.ingot.plugin.AtomicOutput.deleteTree(work);
    }
  }

  @BeforeAll
  static void buildDisk() throws Exception {
    disk = tmp.resolve("disk.raw");
    layout = build(withMarker(TestRootfs.get()), disk);
    accel = dev.ingot.vm.Accelerator.probe(tmp, Duration.ofSeconds(10));
  }

  static void boot(Path image, String format, Firmware fw) throws Exception {
    Path log = tmp.resolve("serial-" + fw + "-" + format + ".log");
    QemuVm vm = new QemuVm(image, format, fw, 1024, 2, log, "virtio", accel);
    try (QemuRunner q = new QemuRunner(vm)) {
      q.start();
      boolean ok = q.awaitSerial(MARKER, Duration.ofMinutes(6));
      assertThat(ok)
          .as(
              "marker on the serial console; last output:\n"
                  + tail(q.serial())
                  + "\nqemu: "
                  + q.qemuOutput())
          .isTrue();
    }
  }

  static String tail(String s) {
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }

  // Three boots cover both firmwares and all three formats; each takes a minute or more under
  // TCG, so the suite does not boot every combination.
  @Test
  void seaBiosBootsTheRawDisk() throws Exception {
    boot(disk, "raw", Firmware.BIOS);
  }

  @Test
  void ovmfBootsTheQcow2() throws Exception {
    Path q = tmp.resolve("disk.qcow2");
    DiskImages.convert(
        disk,
        DiskFormat.RAW,
        q,
        DiskImages.options(DiskFormat.QCOW2, "", true),
        new WriteJob(2, 0, "disk.qcow2"));
    boot(q, "qcow2", Firmware.UEFI);
  }

  @Test
  void ovmfBootsTheVmdkInsideTheOva() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("ova-out"));
    dev.ingot.plugin.StepContext ctx =
        new dev.ingot.plugin.StepContext(
            "vm",
            "debian",
            "vm",
            tmp,
            tmp,
            out,
            tmp.resolve("cache"),
            false,
            true,
            1_700_000_000L,
            java.util.Map.of(),
            dev.ingot.plugin.BuildLog.NONE,
            new Cancellation(),
            new dev.ingot.plugin.Cleanups(),
            new LocalProcessRunner());
    dev.ingot.artifact.DiskImage img =
        new dev.ingot.artifact.DiskImage(disk, Files.size(disk), "hybrid", null);
    dev.ingot.artifact.Ova ova =
        (dev.ingot.artifact.Ova)
            new OvaPostProcessor()
                .process(dev.ingot.plugin.Config.of(java.util.Map.of("vm_name", "vm")), img, ctx);
    Path vmdk = tmp.resolve("from-ova.vmdk");
    try (var t =
        new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
            Files.newInputStream(ova.ova()))) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (var e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().endsWith(".vmdk")) {
          Files.copy(t, vmdk);
        }
      }
      assertThat(names).containsExactly("vm.ovf", "vm.mf", "vm-disk1.vmdk");
    }
    ctx.cleanups().runAll();
    try (var s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("vm.ova");
    }
    boot(vmdk, "vmdk", Firmware.UEFI);
  }

  @Test
  void partitionTableAndFilesystemAreValid() throws Exception {
    String sfdisk = dev.ingot.disk.format.TestDisks.runOk("sfdisk", "--json", disk.toString());
    assertThat(sfdisk)
        .contains("\"label\": \"gpt\"")
        .contains("21686148-6449-6E6F-744E-656564454649")
        .contains("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");
    Path root = tmp.resolve("root.ext4");
    dev.ingot.disk.format.TestDisks.runOk(
        "dd",
        "if=" + disk,
        "of=" + root,
        "bs=1M",
        "skip=" + layout.root().offset() / (1 << 20),
        "count=" + layout.root().size() / (1 << 20),
        "conv=sparse",
        "status=none");
    dev.ingot.disk.format.TestDisks.runOk("e2fsck", "-fn", root.toString());
    String uuid =
        dev.ingot.disk.format.TestDisks.runOk(
            "blkid", "-o", "value", "-s", "UUID", root.toString());
    assertThat(uuid.strip()).isEqualTo(layout.rootFs().toString());
    Files.delete(root);
  }
}
