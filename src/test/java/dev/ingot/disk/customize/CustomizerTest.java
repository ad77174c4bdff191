package dev.ingot.disk.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.RootFs;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Cleanups;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.StepContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomizerTest {
  @TempDir Path tmp;
  DirBlobStore blobs;
  FileTree base;
  static final long T = 1_700_000_000L;
  static final String KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC2k0vRV9xwzO1X3V5Ri8AKkqPHP+xgEJO0vwhIsI4mE alice@host";

  @BeforeEach
  void tree() throws Exception {
    blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T));
    Trees.putText(
        b,
        blobs,
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\nsshd:x:100:65534::/run/sshd:/usr/sbin/nologin\n",
        0644,
        T);
    Trees.putText(b, blobs, "etc/shadow", "root:*:19000:0:99999:7:::\n", 0640, T);
    Trees.putText(b, blobs, "etc/group", "root:x:0:\nsudo:x:27:\nshadow:x:42:\n", 0644, T);
    Trees.putText(b, blobs, "etc/gshadow", "root:*::\nsudo:*::\nshadow:*::\n", 0640, T);
    Trees.putText(b, blobs, "etc/skel/.bashrc", "# bashrc\n", 0644, T);
    Trees.putText(b, blobs, "etc/ssh/ssh_host_ed25519_key", "secret", 0600, T);
    Trees.putText(b, blobs, "etc/machine-id", "0123456789abcdef0123456789abcdef\n", 0444, T);
    Trees.putText(b, blobs, "var/log/syslog", "old log", 0640, T);
    Trees.putText(b, blobs, "var/lib/dhcp/dhclient.eth0.leases", "lease", 0644, T);
    Trees.putText(
        b,
        blobs,
        "lib/systemd/system/ssh.service",
        "[Unit]\n[Service]\n[Install]\nWantedBy=multi-user.target\n",
        0644,
        T);
    Trees.putText(
        b,
        blobs,
        "lib/systemd/system/getty@.service",
        "[Install]\nWantedBy=getty.target\n",
        0644,
        T);
    Trees.putText(b, blobs, "usr/share/zoneinfo/Europe/Berlin", "TZif", 0644, T);
    b.putWithParents(
        FileEntry.symlink(
            "etc/systemd/system/multi-user.target.wants/cron.service",
            "/lib/systemd/system/cron.service",
            0,
            0,
            T),
        0755,
        T);
    Trees.putText(b, blobs, "usr/sbin/sshd", "elf", 0755, T);
    base = b.build();
  }

  String text(FileTree t, String p) throws Exception {
    try (var in = blobs.open(t.get(p).orElseThrow().content())) {
      return new String(in.readAllBytes());
    }
  }

  StepContext ctx() {
    return new StepContext(
        "vm",
        "debian",
        "x",
        tmp,
        tmp,
        tmp.resolve("out"),
        tmp.resolve("cache"),
        false,
        true,
        T,
        Map.of(),
        BuildLog.NONE,
        new Cancellation(),
        new Cleanups(),
        new LocalProcessRunner());
  }

  @Test
  void appliesEverySetting() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "hostname", "web1",
                "timezone", "Europe/Berlin",
                "locale", "C.UTF-8",
                "users",
                    List.of(
                        Map.of(
                            "name",
                            "alice",
                            "groups",
                            List.of("sudo"),
                            "ssh_authorized_keys",
                            List.of(KEY))),
                "ssh", List.of(Map.of("permit_root_login", "no", "password_authentication", false)),
                "services",
                    List.of(
                        Map.of(
                            "enable",
                            List.of("ssh.service"),
                            "disable",
                            List.of("cron.service"),
                            "mask",
                            List.of("getty@.service"))),
                "kernel_args", List.of("net.ifnames=0"),
                "files",
                    List.of(
                        Map.of(
                            "path",
                            "/etc/motd",
                            "content",
                            "hi\n",
                            "mode",
                            "0600",
                            "owner",
                            "alice:alice")),
                "cloud_init",
                    List.of(
                        Map.of("datasource_list", List.of("NoCloud", "VMware", "OVF", "None")))));
    RootFs in = new RootFs(base, blobs, List.of(), "minbase", "amd64", "debian-12");
    RootFs out = (RootFs) new CustomizePostProcessor().process(c, in, ctx());
    FileTree t = Generalizer.apply(out.tree(), blobs);

    assertThat(text(t, "etc/hostname")).isEqualTo("web1\n");
    assertThat(t.get("etc/localtime").orElseThrow().linkTarget())
        .isEqualTo("/usr/share/zoneinfo/Europe/Berlin");
    assertThat(text(t, "etc/passwd")).contains("alice:x:1000:1000::/home/alice:/bin/bash\n");
    assertThat(text(t, "etc/group")).contains("sudo:x:27:alice\n").contains("alice:x:1000:\n");
    assertThat(text(t, "etc/shadow")).contains("alice:*:" + (T / 86400) + ":");
    FileEntry keys = t.get("home/alice/.ssh/authorized_keys").orElseThrow();
    assertThat(keys.mode()).isEqualTo(0600);
    assertThat(keys.uid()).isEqualTo(1000);
    assertThat(t.get("home/alice/.ssh").orElseThrow().mode()).isEqualTo(0700);
    assertThat(t.get("home/alice/.bashrc").orElseThrow().uid()).isEqualTo(1000);
    assertThat(text(t, "home/alice/.ssh/authorized_keys")).isEqualTo(KEY + "\n");
    assertThat(text(t, "etc/ssh/sshd_config.d/10-ingot.conf"))
        .contains("PermitRootLogin no\n")
        .contains("PasswordAuthentication no\n");
    assertThat(
            t.get("etc/systemd/system/multi-user.target.wants/ssh.service")
                .orElseThrow()
                .linkTarget())
        .isEqualTo("/lib/systemd/system/ssh.service");
    assertThat(t.contains("etc/systemd/system/multi-user.target.wants/cron.service")).isFalse();
    assertThat(t.get("etc/systemd/system/getty@.service").orElseThrow().linkTarget())
        .isEqualTo("/dev/null");
    assertThat(text(t, "etc/kernel/cmdline")).isEqualTo("net.ifnames=0\n");
    assertThat(text(t, "etc/cloud/cloud.cfg.d/90_ingot_datasource.cfg"))
        .contains("datasource_list: [ NoCloud, VMware, OVF, None ]");
    FileEntry motd = t.get("etc/motd").orElseThrow();
    assertThat(motd.mode()).isEqualTo(0600);
    assertThat(motd.uid()).isEqualTo(1000);
    // Generalized.
    assertThat(t.get("etc/machine-id").orElseThrow().size()).isZero();
    assertThat(t.contains("etc/ssh/ssh_host_ed25519_key")).isFalse();
    assertThat(t.contains("var/log/syslog")).isFalse();
    assertThat(t.get("var/log").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    assertThat(t.contains("var/lib/dhcp/dhclient.eth0.leases")).isFalse();
    assertThat(text(t, Generalizer.KEYGEN_UNIT))
        .contains("After=cloud-init.service\nBefore=ssh.service\n")
        .contains("ExecStart=/usr/bin/ssh-keygen -A");
    assertThat(Generalizer.apply(t, blobs)).isEqualTo(t);
  }

  @Test
  void badValuesAreDiagnostics() {
    RootFs in = new RootFs(base, blobs, List.of(), "minbase", "amd64", "debian-12");
    assertThatThrownBy(
            () ->
                new CustomizePostProcessor()
                    .process(
                        Config.of(
                            Map.of(
                                "users",
                                List.of(Map.of("name", "bob", "password_hash", "hunter2")))),
                        in,
                        ctx()))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessageContaining("Bad user");
    assertThatThrownBy(
            () ->
                new CustomizePostProcessor()
                    .process(Config.of(Map.of("timezone", "Mars/Olympus")), in, ctx()))
        .isInstanceOf(DiagnosticsException.class);
    assertThatThrownBy(
            () ->
                new CustomizePostProcessor()
                    .process(
                        Config.of(
                            Map.of(
                                "users",
                                List.of(Map.of("name", "bob", "groups", List.of("wheel"))))),
                        in,
                        ctx()))
        .isInstanceOf(DiagnosticsException.class);
    assertThatThrownBy(
            () ->
                new CustomizePostProcessor()
                    .process(
                        Config.of(
                            Map.of("services", List.of(Map.of("enable", List.of("nope.service"))))),
                        in,
                        ctx()))
        .isInstanceOf(DiagnosticsException.class);
  }
}
