package dev.ingot.disk.customize;

import dev.ingot.artifact.RootFs;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a root filesystem safe to clone: every VM made from the image must get its own identity.
 * Empties /etc/machine-id (systemd makes a new one on first boot), removes SSH host keys (and adds
 * a unit that makes new ones before sshd starts when none exist, also when cloud-init is installed:
 * with no datasource found cloud-init disables itself and would leave sshd without keys; the unit
 * runs after cloud-init's, so it does nothing when cloud-init made them), DHCP leases, cloud-init's
 * state and every log file. A pure transformation of the tree; idempotent.
 */
public final class Generalizer {
  private static final List<Pattern> REMOVE =
      List.of(
          Pattern.compile("etc/ssh/ssh_host_[^/]*key(\\.pub)?"),
          Pattern.compile("var/lib/dhcp/[^/]*\\.leases?"),
          Pattern.compile("var/lib/dhclient/[^/]*"),
          Pattern.compile("var/lib/NetworkManager/[^/]*\\.lease"),
          Pattern.compile("var/lib/systemd/network/[^/]*"),
          Pattern.compile("var/lib/cloud/.+"),
          Pattern.compile("var/lib/dbus/machine-id"),
          Pattern.compile("var/lib/systemd/random-seed"),
          Pattern.compile("var/log/.+"));

  static final String KEYGEN_UNIT = "etc/systemd/system/ingot-ssh-keygen.service";

  private Generalizer() {}

  public static RootFs apply(RootFs r) throws IOException {
    return new RootFs(
        apply(r.tree(), r.blobs()),
        r.blobs(),
        r.packages(),
        r.variant(),
        r.architecture(),
        r.osRelease());
  }

  public static FileTree apply(FileTree tree, BlobStore blobs) throws IOException {
    FileTree.Builder b = tree.toBuilder();
    long t = tree.get("").map(FileEntry::mtime).orElse(0L);
    for (FileEntry e : tree.entries()) {
      String p = e.path();
      boolean keepDir = e.isDirectory() && p.startsWith("var/log/");
      if (!keepDir && REMOVE.stream().anyMatch(x -> x.matcher(p).matches())) {
        b.remove(p);
      }
    }
    if (tree.contains("etc/machine-id") || tree.contains("etc")) {
      FileEntry old = tree.get("etc/machine-id").orElse(null);
      b.put(FileEntry.file("etc/machine-id", 0444, 0, 0, old == null ? t : old.mtime(), 0, null));
    }
    if (tree.contains("usr/sbin/sshd")) {
      Trees.putText(
          b,
          blobs,
          KEYGEN_UNIT,
          "[Unit]\nDescription=Make SSH host keys (removed when the image was generalized)\n"
              + "After=cloud-init.service\nBefore=ssh.service\n"
              + "ConditionPathExistsGlob=!/etc/ssh/ssh_host_*_key\n\n"
              + "[Service]\nType=oneshot\nExecStart=/usr/bin/ssh-keygen -A\n\n"
              + "[Install]\nWantedBy=multi-user.target\n",
          0644,
          t);
      Trees.enable(b, "ingot-ssh-keygen.service", "multi-user.target", t);
    }
    return b.build();
  }
}
