package dev.ingot.disk;

import dev.ingot.artifact.RootFs;
import dev.ingot.pkg.deb.rootfs.SharedSystemRootfs;
import java.util.List;

/**
 * A bootable Debian 12 root filesystem for the disk tests, made by Ingot's own {@code debian}
 * source (variant "system": the kernel's initramfs is made by its maintainer scripts in the chroot)
 * from the host's apt sources. It is the JVM's one {@link SharedSystemRootfs}, also checked by the
 * debian source's own tests, so it is built once per test run.
 */
public final class TestRootfs {
  static final List<String> PACKAGES = SharedSystemRootfs.PACKAGES;

  private TestRootfs() {}

  public static RootFs get() throws Exception {
    return SharedSystemRootfs.get();
  }
}
