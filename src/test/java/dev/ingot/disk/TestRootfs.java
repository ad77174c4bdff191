package dev.ingot.disk;

import dev.ingot.artifact.RootFs;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeImporter;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A bootable Debian root filesystem for the disk tests, made once with mmdebstrap (minbase, the
 * cloud kernel, systemd, udev, initramfs-tools) from the host's apt sources and kept under the test
 * cache; imported into a blob store per JVM. Until Ingot's own "system" rootfs lands this stands in
 * for it.
 */
public final class TestRootfs {
  static final List<String> PACKAGES =
      List.of(
          "linux-image-cloud-amd64", "systemd-sysv", "udev", "initramfs-tools", "openssh-server");
  private static RootFs cached;

  private TestRootfs() {}

  static Path cacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "ingot-test-cache", "disk-rootfs-v1");
  }

  public static synchronized RootFs get() throws IOException {
    if (cached != null) {
      return cached;
    }
    Path base = cacheDir();
    Path root = base.resolve("root");
    if (!Files.exists(base.resolve("done"))) {
      Files.createDirectories(base);
      AtomicDelete.tree(root);
      Path sources = Path.of("/etc/apt/sources.list.d/debian.sources");
      if (!Files.exists(sources)) {
        sources = Path.of("/etc/apt/sources.list");
      }
      ProcessRunner.Result r =
          new LocalProcessRunner()
              .run(
                  List.of(
                      "mmdebstrap",
                      "--variant=minbase",
                      "--include=" + String.join(",", PACKAGES),
                      "bookworm",
                      root.toString(),
                      sources.toString()));
      if (!r.ok()) {
        throw new IOException("mmdebstrap failed:\n" + String.join("\n", r.output()));
      }
      Files.writeString(base.resolve("done"), "ok\n");
    }
    DirBlobStore blobs = new DirBlobStore(base.resolve("blobs"));
    FileTree tree = new TreeImporter(blobs).importDir(root);
    cached = new RootFs(tree, blobs, List.of(), "minbase", "amd64", "debian-12");
    return cached;
  }

  /** Deletes a directory tree if present. */
  static final class AtomicDelete {
    static void tree(Path p) throws IOException {
      dev.ingot.plugin.AtomicOutput.deleteTree(p);
    }
  }
}
