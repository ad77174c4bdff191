package dev.ingot.pkg.deb.rootfs;

import dev.ingot.artifact.RootFs;
import dev.ingot.plugin.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one bootable Debian 12 {@code system} root filesystem of a test JVM, built from the host's
 * apt sources with the package cache shared by the real-mirror tests: maintainer scripts, the
 * kernel's initramfs and the re-import take most of a minute, so the classes that need such a tree
 * share it. (The disk boot tests boot the image of examples/debian-vm.pkr.hcl instead, built
 * through the template by dev.ingot.disk.ExampleVm.) The RootFs is immutable; the build log is kept
 * for tests that check what ran. Thread-safe.
 */
public final class SharedSystemRootfs {
  /**
   * What a VM image needs: init, udev, sshd, a kernel (its initramfs comes from the scripts), and
   * ping, whose postinst gives /usr/bin/ping a file capability with setcap.
   */
  public static final List<String> PACKAGES =
      List.of("systemd-sysv", "udev", "openssh-server", "linux-image-cloud-amd64", "iputils-ping");

  private static RootFs cached;
  private static Contexts.Recording log;

  private SharedSystemRootfs() {}

  /** The tree, built on the first call. */
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
      Path dir = Files.createTempDirectory("ingot-system-rootfs");
      Contexts.Recording l = new Contexts.Recording();
      try {
        cached =
            (RootFs)
                new DebianSource()
                    .build(c, Contexts.of(dir, Contexts.sharedMirrorCache(), false, l));
      } finally {
        dev.ingot.plugin.AtomicOutput.deleteTree(dir);
      }
      log = l;
    }
    return cached;
  }

  /** The lines the build logged (info, warnings, maintainer script output). */
  public static synchronized List<String> log() throws Exception {
    get();
    return log.lines;
  }
}
