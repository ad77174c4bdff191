package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.cli.CliTestSupport;
import dev.ingot.disk.boot.Grub;
import dev.ingot.disk.format.TestDisks;
import dev.ingot.pkg.deb.rootfs.Contexts;
import dev.ingot.vm.Accelerator;
import dev.ingot.vm.Firmware;
import dev.ingot.vm.QemuRunner;
import dev.ingot.vm.QemuVm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk built with {@code secure_boot = true} from Debian's own signed shim, GRUB and kernel (a
 * real {@code ingot build} from the host's apt sources) boots under OVMF with Secure Boot on and
 * Microsoft's keys enrolled, as a cloud or vSphere VM with Secure Boot has them, to the login
 * prompt, and the kernel reports Secure Boot on. The same disk with our unsigned grub-mkimage
 * loader put back in its place is refused by that firmware, so the boot is the signed chain's
 * doing. The OVA made from it turns Secure Boot on for vSphere.
 */
@Tag("peer")
@Tag("slow")
class SecureBootPeerTest {
  static final String TEMPLATE =
      """
      source "debian" "sb" {
        suite    = "bookworm"
        variant  = "system"
        packages = ["systemd-sysv", "udev", "linux-image-cloud-amd64", "shim-signed",
                    "grub-efi-amd64-signed"]
      }
      build {
        name    = "sb-vm"
        sources = ["source.debian.sb"]
        post-processors {
          post-processor "customize" { hostname = "sb-vm" }
          post-processor "disk" {
            size        = "2G"
            boot        = "uefi"
            secure_boot = true
          }
          post-processor "ova" {
            keep_input_artifact = true
            vm_name             = "sb-vm"
          }
        }
      }
      """;

  @TempDir static Path tmp;
  static Path raw;
  static Path ova;
  static Accelerator accel;

  @BeforeAll
  static void build() throws Exception {
    Path t = tmp.resolve("sb.pkr.hcl");
    Files.writeString(t, TEMPLATE);
    CliTestSupport.Run run =
        CliTestSupport.run(
            tmp,
            Map.of(),
            "build",
            "--cache-dir",
            Contexts.sharedMirrorCache().toString(),
            t.toString());
    assertThat(run.exitCode()).as(run.out() + "\n" + run.err()).isZero();
    assertThat(run.out() + run.err()).contains("Secure Boot");
    Path dir = tmp.resolve("output/sb-vm.debian.sb");
    raw = dir.resolve("sb-vm.debian.sb.raw");
    ova = dir.resolve("sb-vm.ova");
    accel = Accelerator.probe(tmp, Duration.ofSeconds(10));
  }

  @Test
  void secureBootFirmwareBootsTheSignedDiskToLogin() throws Exception {
    String serial = boot(raw, Pattern.compile("sb-vm login:"), Duration.ofMinutes(8));
    assertThat(serial).contains("Secure boot enabled");
  }

  @Test
  void secureBootFirmwareRefusesTheDiskWithAnUnsignedLoader() throws Exception {
    Path copy = tmp.resolve("unsigned.raw");
    TestDisks.runOk("cp", "--sparse=always", raw.toString(), copy.toString());
    Path early = tmp.resolve("early.cfg");
    Files.writeString(early, "set prefix=(hd0,gpt2)/boot/grub\n");
    Path efi = tmp.resolve("BOOTX64.EFI");
    TestDisks.runOk(Grub.efiCommand(efi, early).toArray(String[]::new));
    long espOffset = espOffset(copy);
    TestDisks.runOk(
        "mcopy", "-o", "-i", copy + "@@" + espOffset, efi.toString(), "::/EFI/BOOT/BOOTX64.EFI");
    String serial =
        boot(copy, Pattern.compile("Access Denied|Security Violation"), Duration.ofMinutes(4));
    assertThat(serial).doesNotContain("Linux version");
  }

  @Test
  void espHoldsShimGrubAndTheirConfigAndTheOvfTurnsSecureBootOn() throws Exception {
    String at = raw + "@@" + espOffset(raw);
    String boot = TestDisks.runOk("mdir", "-b", "-i", at, "::/EFI/BOOT");
    assertThat(boot).contains("BOOTX64.EFI", "grubx64.efi", "mmx64.efi", "grub.cfg");
    // Debian's signed GRUB looks in /EFI/debian first.
    String cfg = TestDisks.runOk("mtype", "-i", at, "::/EFI/debian/grub.cfg");
    assertThat(cfg).contains("search --no-floppy --fs-uuid --set=root", "configfile");
    String ovf = null;
    try (var t = new TarArchiveInputStream(Files.newInputStream(ova))) {
      for (var e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
        if (e.getName().endsWith(".ovf")) {
          ovf = new String(t.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(ovf)
        .contains("vmw:key=\"firmware\" vmw:value=\"efi\"")
        .contains("vmw:key=\"bootOptions.efiSecureBootEnabled\" vmw:value=\"true\"");
  }

  static String boot(Path image, Pattern marker, Duration timeout) throws Exception {
    Path log = tmp.resolve("serial-" + image.getFileName() + ".log");
    QemuVm spec = new QemuVm(image, "raw", Firmware.UEFI_SECURE, 1024, 2, log, "virtio", accel);
    try (QemuRunner q = new QemuRunner(spec)) {
      q.start();
      boolean ok = q.awaitSerial(marker, timeout);
      String out = q.serial();
      assertThat(ok)
          .as(
              marker
                  + " on the serial console; last output:\n"
                  + BootPeerTest.tail(out)
                  + "\nqemu: "
                  + q.qemuOutput())
          .isTrue();
      return out;
    }
  }

  /** The byte offset of the EFI system partition, from sfdisk. */
  static long espOffset(Path disk) throws Exception {
    var t =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(TestDisks.runOk("sfdisk", "--json", disk.toString()));
    for (var p : t.path("partitiontable").path("partitions")) {
      if (p.path("type").asText().equalsIgnoreCase("C12A7328-F81F-11D2-BA4B-00A0C93EC93B")) {
        return p.path("start").asLong() * 512;
      }
    }
    throw new AssertionError("no EFI system partition in " + t);
  }
}
