package dev.ingot.disk;

import dev.ingot.artifact.RootFs;
import dev.ingot.pkg.deb.rootfs.Contexts;
import dev.ingot.pkg.deb.rootfs.DebianSource;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A bootable Debian 12 root filesystem for the disk tests, made by Ingot's own {@code debian}
 * source (variant "system": the kernel's initramfs is made by its maintainer scripts in the chroot)
 * from the host's apt sources, with the package cache shared by the real-mirror tests of the run.
 * Built once per JVM.
 */
public final class TestRootfs {
  static final List<String> PACKAGES =
      List.of("systemd-sysv", "udev", "openssh-server", "linux-image-cloud-amd64");
  private static RootFs cached;

  private TestRootfs() {}

  public static synchronized RootFs get() throws Exception {
    if (cached == null) {
      Config c =
          Config.of(
              Map.of(
                  "suites",
                  List.of("bookworm", "bookworm-updates", "bookworm-security"),
                  "variant",
                  "system",
                  "packages",
                  PACKAGES));
      Path dir = Files.createTempDirectory("ingot-disk-rootfs");
      cached =
          (RootFs)
              new DebianSource()
                  .build(c, Contexts.of(dir, Contexts.sharedMirrorCache(), false, BuildLog.NONE));
    }
    return cached;
  }
}
