package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingot.disk.format.TestDisks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/debian-vm.pkr.hcl} through {@code ingot build}: a qcow2, a streamOptimized VMDK
 * and an OVA that qemu-img accepts and finds identical, with the admin user's SSH key and root
 * login disabled inside the image (read back from the ext4 root with debugfs). The boots of this
 * image are in {@link BootPeerTest}.
 */
@Tag("peer")
@Tag("slow")
class DebianVmExamplePeerTest {
  static ExampleVm.Outputs vm;

  @BeforeAll
  static void build() throws Exception {
    vm = ExampleVm.get();
  }

  @Test
  void writesQcow2VmdkAndOvaThatQemuImgAccepts() throws Exception {
    assertThat(Files.getPosixFilePermissions(vm.ova()))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    try (var s = Files.list(vm.dir())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "debian-vm.debian.vm.qcow2", "debian-vm.debian.vm.vmdk", "debian-vm.ova");
    }
    JsonNode q = TestDisks.qemuInfo(vm.qcow2(), null);
    assertThat(q.path("format").asText()).isEqualTo("qcow2");
    assertThat(q.path("virtual-size").asLong()).isEqualTo(4L << 30);
    JsonNode v = TestDisks.qemuInfo(vm.vmdk(), null);
    assertThat(v.path("format").asText()).isEqualTo("vmdk");
    assertThat(v.path("format-specific").path("data").path("create-type").asText())
        .isEqualTo("streamOptimized");
    assertThat(v.path("virtual-size").asLong()).isEqualTo(4L << 30);
    TestDisks.runOk("qemu-img", "check", vm.qcow2().toString());
    TestDisks.runOk("qemu-img", "check", vm.vmdk().toString());
    TestDisks.runOk("qemu-img", "compare", "-q", vm.qcow2().toString(), vm.vmdk().toString());
    TestDisks.runOk(
        "qemu-img", "compare", "-q", "-f", "raw", vm.raw().toString(), vm.qcow2().toString());
  }

  @Test
  void ovaHoldsOvfThenManifestThenTheVmdk() throws Exception {
    List<String> names = new ArrayList<>();
    String mf = null;
    String ovf = null;
    Path disk = vm.dir().getParent().resolve("ova-disk.vmdk");
    try (var t = new TarArchiveInputStream(Files.newInputStream(vm.ova()))) {
      for (var e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().endsWith(".mf")) {
          mf = new String(t.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (e.getName().endsWith(".ovf")) {
          ovf = new String(t.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } else {
          Files.copy(t, disk);
        }
      }
    }
    assertThat(names).containsExactly("debian-vm.ovf", "debian-vm.mf", "debian-vm-disk1.vmdk");
    String vmdkSha = sha256(disk);
    assertThat(mf).contains("SHA256(debian-vm-disk1.vmdk)= " + vmdkSha);
    assertThat(vmdkSha).isEqualTo(sha256(vm.vmdk())); // the convert step's VMDK, reused
    assertThat(ovf)
        .contains("ovf:size=\"" + Files.size(disk) + "\"")
        .contains("streamOptimized")
        .contains("VM Network")
        .contains("vmx-13");
    Files.delete(disk);
  }

  @Test
  void imageHasTheUsersKeyAndNoRootLogin() throws Exception {
    assertThat(ExampleVm.cat(vm, "/home/admin/.ssh/authorized_keys")).contains(vm.publicKey());
    assertThat(ExampleVm.cat(vm, "/etc/ssh/sshd_config.d/10-ingot.conf"))
        .contains("PermitRootLogin no")
        .contains("PasswordAuthentication no");
    assertThat(ExampleVm.cat(vm, "/etc/ssh/sshd_config"))
        .contains("Include /etc/ssh/sshd_config.d/*.conf");
    String passwd = ExampleVm.cat(vm, "/etc/passwd");
    String admin = passwd.lines().filter(l -> l.startsWith("admin:")).findFirst().orElseThrow();
    assertThat(admin).endsWith(":/home/admin:/bin/bash");
    String uid = admin.split(":")[2];
    String stat =
        TestDisks.runOk(
            "debugfs",
            "-R",
            "stat /home/admin/.ssh/authorized_keys",
            vm.raw() + "?offset=" + vm.rootOffset());
    assertThat(stat).contains("Mode:  0600").containsPattern("User: +" + uid + " ");
    assertThat(ExampleVm.cat(vm, "/etc/group")).containsPattern("(?m)^sudo:x:27:.*admin");
    assertThat(ExampleVm.cat(vm, "/etc/hostname")).contains("debian-vm");
    // Generalized: no host keys (made at first boot), an empty machine id.
    String ssh =
        TestDisks.runOk("debugfs", "-R", "ls /etc/ssh", vm.raw() + "?offset=" + vm.rootOffset());
    assertThat(ssh).contains("sshd_config").doesNotContain("ssh_host_");
  }

  static String sha256(Path p) throws Exception {
    return new String(TestDisks.sha256(p), java.nio.charset.StandardCharsets.US_ASCII);
  }
}
