package dev.ingot.scan.harden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.scan.TestRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardeningTest {
  @TempDir Path tmp;

  static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
  static final String GROUP = "root:x:0:\ndaemon:x:1:\nshadow:x:42:\n";

  TestRoots good() {
    return new TestRoots(tmp.resolve("good"))
        .file("etc/passwd", PASSWD)
        .file("etc/group", GROUP)
        .file("etc/shadow", "root:*:19000:0:99999:7:::\ndaemon:!:19000::::::\n", 0640, 0, 42)
        .file("etc/gshadow", "root:*::\n", 0640, 0, 42)
        .file(
            "etc/ssh/sshd_config",
            "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nMaxAuthTries 6\n"
                + "Match User bob\n  PermitRootLogin yes\n",
            0600,
            0,
            0)
        // First value wins: the include sets MaxAuthTries before the main file's 6.
        .file("etc/ssh/sshd_config.d/10-hardening.conf", "MaxAuthTries 3\n", 0600, 0, 0)
        .file("etc/ssh/ssh_host_ed25519_key", "PRIVATE", 0600, 0, 0)
        .file("etc/ssh/ssh_host_ed25519_key.pub", "PUBLIC", 0644, 0, 0)
        .file("etc/sysctl.d/90-hardening.conf", "net.ipv4.ip_forward = 0\nfs.suid_dumpable=0\n")
        .file("usr/lib/sysctl.d/50-default.conf", "net/ipv4/ip_forward = 1\n")
        .dir("tmp", 01777)
        .file("tmp/scratch", "x", 0666, 0, 0);
  }

  TestRoots bad() {
    return new TestRoots(tmp.resolve("bad"))
        .file(
            "etc/passwd",
            PASSWD + "toor:x:0:0::/root:/bin/sh\nnopw::1000:1000::/home:/bin/sh\n",
            0664,
            0,
            0)
        .file("etc/group", GROUP, 0644, 0, 1000)
        .file("etc/shadow", "root:*:19000:0:99999:7:::\nnopw::19000::::::\n", 0644, 0, 0)
        .file("etc/gshadow", "root:*::\n", 0640, 1000, 42)
        .file("etc/ssh/sshd_config", "PermitEmptyPasswords yes\nMaxAuthTries=10\n", 0644, 0, 0)
        .file("etc/ssh/ssh_host_rsa_key", "PRIVATE", 0644, 0, 0)
        .file("etc/sysctl.conf", "net.ipv4.ip_forward=1\nkernel.randomize_va_space = 0\n")
        .file("etc/sysctl.d/10-dump.conf", "fs.suid_dumpable = 2\n")
        .dir("tmp", 0777)
        .dir("srv/share", 0777)
        .file("usr/bin/open", "x", 0757, 0, 0)
        .file("opt/orphan", "x", 0644, 1234, 5678);
  }

  static Map<String, CheckResult> byId(List<CheckResult> r) {
    Map<String, CheckResult> m = new TreeMap<>();
    r.forEach(x -> m.put(x.check().id(), x));
    return m;
  }

  @Test
  void aHardenedRootPassesEveryCheck() throws Exception {
    Map<String, CheckResult> r = byId(Hardening.run(good().view(), List.of("baseline")));
    assertThat(r).hasSize(17);
    assertThat(r.values())
        .allSatisfy(
            x ->
                assertThat(x.status())
                    .as(x.check().id() + " " + x.details())
                    .isEqualTo(CheckResult.Status.PASS));
    assertThat(r.get("ssh.max-auth-tries").details()).containsExactly("maxauthtries is 3");
    assertThat(r.get("sysctl.aslr").details().get(0)).contains("kernel default (2)");
    // /etc/sysctl.d wins over /usr/lib/sysctl.d by file-name order.
    assertThat(r.get("sysctl.ip-forward").details().get(0))
        .contains("/etc/sysctl.d/90-hardening.conf");
  }

  @Test
  void aCarelessRootFailsEveryCheckWithTheOffendingFiles() throws Exception {
    Map<String, CheckResult> r = byId(Hardening.run(bad().view(), List.of("baseline")));
    assertThat(r.values())
        .allSatisfy(
            x -> assertThat(x.status()).as(x.check().id()).isEqualTo(CheckResult.Status.FAIL));
    assertThat(r.get("ssh.permit-root-login").details())
        .containsExactly(
            "/etc/ssh/sshd_config: permitrootlogin is prohibit-password (sshd's default; not set)");
    assertThat(r.get("ssh.max-auth-tries").details().get(0)).contains("is 10");
    assertThat(r.get("files.shadow").details().get(0)).contains("mode 0644");
    assertThat(r.get("files.gshadow").details().get(0)).contains("owner uid 1000");
    assertThat(r.get("files.passwd").details().get(0)).contains("mode 0664 (at most 0644)");
    assertThat(r.get("files.group").details().get(0)).contains("group gid 1000");
    assertThat(r.get("accounts.uid0").details()).containsExactly("/etc/passwd: toor has UID 0");
    assertThat(r.get("accounts.empty-password").details()).hasSize(2);
    assertThat(r.get("files.world-writable").details())
        .anyMatch(d -> d.startsWith("/srv/share/"))
        .anyMatch(d -> d.startsWith("/usr/bin/open"))
        .anyMatch(d -> d.startsWith("/tmp/"));
    assertThat(r.get("files.unowned").details())
        .containsExactlyInAnyOrder(
            "/opt/orphan: uid 1234 gid 5678 unknown", "/etc/group: gid 1000 unknown");
    assertThat(r.get("sysctl.ip-forward").details())
        .containsExactly("/etc/sysctl.conf: net.ipv4.ip_forward = 1");
    assertThat(r.get("sysctl.suid-dumpable").details().get(0)).contains("10-dump.conf");
    assertThat(r.get("ssh.host-keys").details().get(0)).contains("ssh_host_rsa_key: mode 0644");
    assertThat(r.values()).allSatisfy(x -> assertThat(x.check().fix()).isNotBlank());
    assertThat(r.values()).allSatisfy(x -> assertThat(x.check().rationale()).isNotBlank());
  }

  @Test
  void aMinimalImageWithoutSshIsNotApplicableNotFailed() throws Exception {
    TestRoots min =
        new TestRoots(tmp.resolve("min")).file("etc/passwd", PASSWD).file("etc/group", GROUP);
    Map<String, CheckResult> r = byId(Hardening.run(min.view(), List.of("baseline")));
    assertThat(r.get("ssh.permit-root-login").status())
        .isEqualTo(CheckResult.Status.NOT_APPLICABLE);
    assertThat(r.get("ssh.host-keys").status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
    assertThat(r.get("files.shadow").status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
    assertThat(r.get("files.tmp-sticky").status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
    assertThat(r.get("files.passwd").status()).isEqualTo(CheckResult.Status.PASS);
  }

  @Test
  void worksOnADirectoryOnDisk() throws Exception {
    Path root = tmp.resolve("dir");
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("tmp"));
    Files.writeString(root.resolve("etc/passwd"), PASSWD);
    Files.writeString(root.resolve("etc/group"), GROUP);
    Files.setPosixFilePermissions(
        root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Map<String, CheckResult> r =
        byId(Hardening.run(new dev.ingot.scan.inventory.DirRootView(root), List.of("baseline")));
    assertThat(r.get("files.tmp-sticky").status()).isEqualTo(CheckResult.Status.FAIL);
    assertThat(r.get("files.world-writable").details()).anyMatch(d -> d.startsWith("/tmp/"));
    assertThat(r.get("files.passwd").status()).isEqualTo(CheckResult.Status.PASS);
  }
}
