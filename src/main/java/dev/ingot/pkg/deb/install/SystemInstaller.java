package dev.ingot.pkg.deb.install;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeExporter;
import dev.ingot.fs.TreeImporter;
import dev.ingot.fs.XattrDump;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.provision.chroot.Chroot;
import dev.ingot.provision.chroot.ChrootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configures unpacked packages the way dpkg would, inside a chroot: the tree (files + dpkg database
 * in "unpacked" state) is written to a work directory, preinst scripts run in dependency order,
 * then {@code dpkg --configure -a} runs every postinst and the triggers they activate, the
 * initramfs of each kernel is made once at the end (not once per hook and trigger), service starts
 * are blocked by policy-rc.d, and random state (machine-id, ssh host keys, logs, caches) is removed
 * so two builds match. The directory is read back into a tree. Needs root. Not thread-safe.
 */
public final class SystemInstaller {
  /** Where and how: {@code work} is a fresh directory that is deleted afterwards. */
  public record Settings(
      Path work,
      String architecture,
      long sourceDateEpoch,
      boolean system,
      BuildLog log,
      ProcessRunner runner,
      Cancellation cancellation) {}

  private final BlobStore blobs;
  private final Settings s;

  public SystemInstaller(BlobStore blobs, Settings s) {
    this.blobs = blobs;
    this.s = s;
  }

  public FileTree install(FileTree unpacked, List<UnpackedDeb> debs) throws IOException {
    Chroot.requireRoot(s.runner(), "variant \"minbase\"/\"system\"");
    Path root = s.work().resolve("root");
    Files.createDirectories(root);
    try {
      new TreeExporter(
              blobs,
              Chroot.nodeMaker(s.runner()),
              new TreeExporter.Options(true, s.cancellation()::check))
          .export(unpacked, root);
      XattrDump.Runner attr = Chroot.attrTools(s.runner());
      XattrDump.write(unpacked, root, s.work(), attr);
      Files.writeString(root.resolve("usr/sbin/policy-rc.d"), "#!/bin/sh\nexit 101\n");
      Files.setPosixFilePermissions(
          root.resolve("usr/sbin/policy-rc.d"),
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      Chroot c = new Chroot(root, s.runner(), s.cancellation(), false);
      List<String> tail = new ArrayList<>();
      int rc =
          c.exec(
              script(debs),
              Map.of(
                  "SOURCE_DATE_EPOCH",
                  Long.toString(s.sourceDateEpoch()),
                  "DEBIAN_FRONTEND",
                  "noninteractive",
                  "DEBCONF_NONINTERACTIVE_SEEN",
                  "true"),
              line -> {
                s.log().output(line);
                synchronized (tail) {
                  tail.add(line);
                  if (tail.size() > 20) {
                    tail.remove(0);
                  }
                }
              });
      if (rc != 0) {
        throw new ChrootException(
            "maintainer scripts failed (exit "
                + rc
                + "); last output:\n  "
                + String.join("\n  ", tail));
      }
      // File capabilities set by postinst scripts (setcap) live in security.capability.
      return XattrDump.attach(
          new TreeImporter(blobs).importDir(root), XattrDump.read(root, s.work(), attr));
    } finally {
      AtomicOutput.deleteTree(s.work());
    }
  }

  /** The one shell script run in the chroot. */
  String script(List<UnpackedDeb> debs) {
    StringBuilder b = new StringBuilder("set -e\nexport DPKG_ADMINDIR=/var/lib/dpkg\n");
    // Every kernel postinst and every "update-initramfs -u" (and its trigger) would make the
    // initramfs again, three times for one kernel; stub the tool until all is configured, then
    // make each kernel's initramfs once, as the kernel hook would have.
    b.append("ui=$(command -v update-initramfs || true)\n");
    b.append(
        "if [ -n \"$ui\" ]; then mv \"$ui\" \"$ui.ingot\"; printf '#!/bin/sh\\nexit 0\\n' > \"$ui\";"
            + " chmod 755 \"$ui\"; fi\n");
    for (UnpackedDeb d : InstallOrder.of(debs)) {
      if (d.controlFiles().containsKey("preinst")) {
        String info = DpkgDatabase.infoName(d);
        b.append("echo 'I: preinst ").append(info).append("'\n");
        b.append("DPKG_MAINTSCRIPT_PACKAGE=")
            .append(d.name())
            .append(" DPKG_MAINTSCRIPT_NAME=preinst DPKG_MAINTSCRIPT_ARCH=")
            .append(d.architecture())
            .append(" DPKG_MAINTSCRIPT_PACKAGE_REFCOUNT=1 /var/lib/dpkg/info/")
            .append(info)
            .append(".preinst install\n");
      }
    }
    // Everything is unpacked before anything is configured, so each postinst "configure" sees all
    // files: as dpkg itself does, no file trigger is activated for a package not yet configured.
    b.append("echo 'I: dpkg --configure -a'\ndpkg --configure -a\n");
    b.append("dpkg --triggers-only --pending\n");
    b.append(
        "if [ -n \"$ui\" ]; then mv -f \"$ui.ingot\" \"$ui\";"
            + " if command -v linux-version >/dev/null && [ -n \"$(linux-version list)\" ]; then"
            + " echo 'I: update-initramfs -c -k all'; update-initramfs -c -k all; fi; fi\n");
    b.append(
        "rm -f /usr/sbin/policy-rc.d /var/lib/dpkg/*-old /var/cache/debconf/*-old /etc/ssh/ssh_host_*_key*"
            + " /var/cache/ldconfig/aux-cache /var/lib/dbus/machine-id /var/lib/systemd/random-seed\n");
    b.append("rm -rf /var/cache/man/* /var/log/apt/* /tmp/* /var/tmp/*\n");
    b.append(
        "for f in /var/log/dpkg.log /var/log/alternatives.log /var/log/bootstrap.log; do [ -e $f ] && : > $f; done; true\n");
    if (s.system()) {
      b.append(
          "printf 'uninitialized\\n' > /etc/machine-id\nprintf 'localhost\\n' > /etc/hostname\n");
      b.append(
          "[ -e /etc/hosts ] || printf '127.0.0.1\\tlocalhost\\n::1\\t\\tlocalhost ip6-localhost ip6-loopback\\n' > /etc/hosts\n");
    } else {
      b.append("[ -e /etc/machine-id ] && : > /etc/machine-id; true\n");
    }
    return b.toString();
  }
}
