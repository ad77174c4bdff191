package dev.ingot.pkg.deb.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.TreeExporter;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.provision.chroot.Chroot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bootable {@code system} root filesystem from the host's mirror (the JVM's shared one, which the
 * disk boot tests also boot): maintainer scripts run in the chroot, so the kernel has its
 * initramfs, and dpkg inside agrees that everything is installed.
 */
@Tag("peer")
@Tag("slow")
class RealMirrorSystemTest {
  @TempDir Path tmp;

  @Test
  void systemRootWithKernelSshAndSystemdPassesDpkgAudit() throws Exception {
    RootFs fs = SharedSystemRootfs.get();

    // One initramfs per kernel, made once at the end, not by every hook and trigger again.
    assertThat(SharedSystemRootfs.log())
        .filteredOn(l -> l.contains("update-initramfs: Generating /boot/initrd.img-"))
        .hasSize(1);
    assertThat(SharedSystemRootfs.log()).noneMatch(l -> l.contains("deferring update"));
    assertThat(fs.packages())
        .extracting(InstalledPackage::name)
        .contains("dpkg", "systemd", "openssh-server", "base-passwd");
    List<String> boot = fs.tree().under("boot").stream().map(FileEntry::path).toList();
    assertThat(boot)
        .anyMatch(p -> p.startsWith("boot/vmlinuz-"))
        .anyMatch(p -> p.startsWith("boot/initrd.img-"));
    assertThat(fs.tree().get("etc/machine-id").orElseThrow().size())
        .isEqualTo("uninitialized\n".length());
    assertThat(fs.tree().entries()).noneMatch(e -> e.path().startsWith("etc/ssh/ssh_host_"));
    assertThat(fs.tree().get("usr/sbin/policy-rc.d")).isEmpty();
    // The real update-initramfs is back in place, not the stub that stood in during configure.
    assertThat(fs.tree().get("usr/sbin/update-initramfs").orElseThrow().size()).isGreaterThan(1000);
    assertThat(fs.tree().get("usr/sbin/update-initramfs.ingot")).isEmpty();
    // ping's postinst ran setcap: the capability (not a setuid bit) is in the tree.
    FileEntry ping = fs.tree().get("usr/bin/ping").orElseThrow();
    assertThat(ping.mode() & 04000).isZero();
    assertThat(
            java.util.HexFormat.of()
                .formatHex(
                    ping.xattrs()
                        .getOrDefault("security.capability", "")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .isEqualTo("0100000200200000000000000000000000000000");
    assertThat(fs.tree().get("etc/passwd")).isPresent();

    // dpkg inside the finished tree: nothing half-installed, every package "ii".
    Path root = tmp.resolve("check");
    Files.createDirectories(root);
    new TreeExporter(fs.blobs(), (p, t, m, a, b) -> {}, new TreeExporter.Options(true))
        .export(fs.tree(), root);
    dev.ingot.fs.XattrDump.write(fs.tree(), root, tmp, Chroot.attrTools(new LocalProcessRunner()));
    Chroot ch =
        new Chroot(root, new LocalProcessRunner(), new dev.ingot.plugin.Cancellation(), false);
    List<String> cap = new ArrayList<>();
    assertThat(ch.exec("getcap /usr/bin/ping", Map.of(), cap::add)).isZero();
    assertThat(cap).anyMatch(l -> l.contains("cap_net_raw=ep"));
    List<String> audit = new ArrayList<>();
    assertThat(ch.exec("dpkg --audit", Map.of(), audit::add)).isZero();
    assertThat(audit).isEmpty();
    List<String> l = new ArrayList<>();
    assertThat(ch.exec("dpkg-query -W -f '${db:Status-Abbrev} ${Package}\\n'", Map.of(), l::add))
        .isZero();
    assertThat(l).hasSize(fs.packages().size()).allMatch(x -> x.startsWith("ii "));
  }
}
