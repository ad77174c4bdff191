package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.TestDisks;
import dev.ingot.vm.Accelerator;
import dev.ingot.vm.Firmware;
import dev.ingot.vm.QemuRunner;
import dev.ingot.vm.QemuVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image of {@code examples/debian-vm.pkr.hcl} (built once, see {@link ExampleVm}) boots under
 * QEMU (TCG) to the serial console's login prompt, which systemd's getty shows on ttyS0 once the
 * system is up and which names the hostname the customize step set: with SeaBIOS from a raw copy,
 * with OVMF from the qcow2, and with OVMF from the VMDK taken out of the OVA. sshd must start as
 * well, or at least the unit that makes its host keys on first boot (the image is generalized).
 */
@Tag("peer")
@Tag("slow")
class BootPeerTest {
  static final String MARKER = "debian-vm login:";
  @TempDir static Path tmp;
  static ExampleVm.Outputs vm;
  static Accelerator accel;

  @BeforeAll
  static void setUp() throws Exception {
    vm = ExampleVm.get();
    accel = Accelerator.probe(tmp, Duration.ofSeconds(10));
  }

  static void boot(Path image, String format, Firmware fw) throws Exception {
    Path log = tmp.resolve("serial-" + fw + "-" + format + ".log");
    QemuVm vmSpec = new QemuVm(image, format, fw, 1024, 2, log, "virtio", accel);
    try (QemuRunner q = new QemuRunner(vmSpec)) {
      q.start();
      boolean ok = q.awaitSerial(MARKER, Duration.ofMinutes(6));
      assertThat(ok)
          .as(
              "login prompt on the serial console; last output:\n"
                  + tail(q.serial())
                  + "\nqemu: "
                  + q.qemuOutput())
          .isTrue();
      // sshd must not fail for want of host keys (the image has none): the generalizer's unit
      // makes them first, which under TCG can take a minute, so its start is enough here.
      Pattern started = Pattern.compile("Started \\S*ssh\\.service");
      for (int i = 0; i < 30 && !started.matcher(q.serial()).find(); i++) {
        Thread.sleep(1000);
      }
      String out = q.serial();
      assertThat(out).doesNotContainPattern("Failed to start \\S*ssh");
      assertThat(out).as("sshd or its key maker started").containsPattern(started + "|ssh-keygen");
    }
  }

  static String tail(String s) {
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }

  // Three boots cover both firmwares and all three formats; each takes a minute or more under
  // TCG, so the suite does not boot every combination.
  @Test
  void seaBiosBootsTheRawDisk() throws Exception {
    boot(vm.raw(), "raw", Firmware.BIOS);
  }

  @Test
  void ovmfBootsTheQcow2() throws Exception {
    boot(vm.qcow2(), "qcow2", Firmware.UEFI);
  }

  @Test
  void ovmfBootsTheVmdkInsideTheOva() throws Exception {
    Path vmdk = tmp.resolve("from-ova.vmdk");
    try (var t = new TarArchiveInputStream(Files.newInputStream(vm.ova()))) {
      for (var e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
        if (e.getName().endsWith(".vmdk")) {
          Files.copy(t, vmdk);
        }
      }
    }
    assertThat(vmdk).exists();
    boot(vmdk, "vmdk", Firmware.UEFI);
  }

  @Test
  void partitionTableAndFilesystemAreValid() throws Exception {
    String sfdisk = TestDisks.runOk("sfdisk", "--json", vm.raw().toString());
    assertThat(sfdisk)
        .contains("\"label\": \"gpt\"")
        .contains("21686148-6449-6E6F-744E-656564454649")
        .contains("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");
    Path root = tmp.resolve("root.ext4");
    TestDisks.runOk(
        "dd",
        "if=" + vm.raw(),
        "of=" + root,
        "bs=1M",
        "skip=" + vm.rootOffset() / (1 << 20),
        "conv=sparse",
        "status=none");
    TestDisks.runOk("e2fsck", "-fn", root.toString());
    assertThat(TestDisks.runOk("blkid", "-o", "value", "-s", "LABEL", root.toString()).strip())
        .isEqualTo("root");
    Files.delete(root);
  }
}
