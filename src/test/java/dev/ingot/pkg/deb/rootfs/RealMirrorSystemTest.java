package dev.ingot.pkg.deb.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.TreeExporter;
import dev.ingot.plugin.Config;
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
 * A bootable {@code system} root filesystem from the host's mirror: maintainer scripts run in the
 * chroot, so the kernel has its initramfs, and dpkg inside agrees that everything is installed.
 */
@Tag("peer")
@Tag("slow")
class RealMirrorSystemTest {
  @TempDir Path tmp;

  @Test
  void systemRootWithKernelSshAndSystemdPassesDpkgAudit() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "suites",
                List.of("bookworm", "bookworm-updates", "bookworm-security"),
                "variant",
                "system",
                "packages",
                List.of("systemd-sysv", "openssh-server", "linux-image-cloud-amd64")));
    Contexts.Recording log = new Contexts.Recording();
    RootFs fs =
        (RootFs)
            new DebianSource().build(c, Contexts.of(tmp, Contexts.sharedMirrorCache(), false, log));

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
    assertThat(fs.tree().get("etc/passwd")).isPresent();

    // dpkg inside the finished tree: nothing half-installed, every package "ii".
    Path root = tmp.resolve("check");
    Files.createDirectories(root);
    new TreeExporter(fs.blobs(), (p, t, m, a, b) -> {}, new TreeExporter.Options(true))
        .export(fs.tree(), root);
    Chroot ch =
        new Chroot(root, new LocalProcessRunner(), new dev.ingot.plugin.Cancellation(), false);
    List<String> audit = new ArrayList<>();
    assertThat(ch.exec("dpkg --audit", Map.of(), audit::add)).isZero();
    assertThat(audit).isEmpty();
    List<String> l = new ArrayList<>();
    assertThat(ch.exec("dpkg-query -W -f '${db:Status-Abbrev} ${Package}\\n'", Map.of(), l::add))
        .isZero();
    assertThat(l).hasSize(fs.packages().size()).allMatch(x -> x.startsWith("ii "));
  }
}
