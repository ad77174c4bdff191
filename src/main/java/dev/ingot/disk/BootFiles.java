package dev.ingot.disk;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.pkg.deb.DebVersion;
import java.util.Comparator;
import java.util.Optional;

/**
 * The kernel and initramfs of a root filesystem: the newest {@code boot/vmlinuz-VERSION} and its
 * {@code boot/initrd.img-VERSION}, versions compared as dpkg does. Paths are tree paths. Immutable.
 */
public record BootFiles(String kernel, String initrd, String version) {
  public static BootFiles find(FileTree tree) throws DiskException {
    Optional<FileEntry> k =
        tree.under("boot").stream()
            .filter(e -> e.isRegular() && e.path().matches("boot/vmlinuz-[^/]+"))
            .max(Comparator.comparing(e -> version(e.path()), BootFiles::compare));
    if (k.isEmpty()) {
      throw new DiskException(
          "the root filesystem has no kernel (boot/vmlinuz-*): install a kernel package, e.g."
              + " linux-image-cloud-amd64, or use the 'system' variant");
    }
    String v = version(k.get().path());
    String initrd = "boot/initrd.img-" + v;
    if (tree.get(initrd).filter(FileEntry::isRegular).isEmpty()) {
      throw new DiskException(
          "the root filesystem has kernel "
              + v
              + " but no "
              + initrd
              + ": generate it in the chroot (update-initramfs -c -k "
              + v
              + ")");
    }
    return new BootFiles(k.get().path(), initrd, v);
  }

  private static String version(String path) {
    return path.substring("boot/vmlinuz-".length());
  }

  private static int compare(String a, String b) {
    try {
      return DebVersion.parse(a).compareTo(DebVersion.parse(b));
    } catch (RuntimeException e) {
      return a.compareTo(b);
    }
  }
}
