package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.cli.CliTestSupport;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.TestDisks;
import dev.ingot.disk.format.WriteJob;
import dev.ingot.pkg.deb.rootfs.Contexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code examples/debian-vm.pkr.hcl} built once per JVM with {@code ingot build} (through the
 * template loader and the build engine, from the host's apt sources, with the package cache shared
 * by the real-mirror tests of the run), for the example's own checks and for the boot tests. Adds a
 * raw copy of the qcow2 made by Ingot's reader, and where the root filesystem starts in it.
 */
public final class ExampleVm {
  /** What the build made; {@code rootOffset} is the byte offset of the ext4 root in {@code raw}. */
  public record Outputs(
      Path dir, Path qcow2, Path vmdk, Path ova, Path raw, long rootOffset, String publicKey) {}

  static final String BUILD = "debian-vm.debian.vm";
  // Partition types of a Linux root: x86-64 root (discoverable partitions), generic filesystem.
  static final java.util.Set<String> LINUX_ROOT =
      java.util.Set.of(
          "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", "0FC63DAF-8483-4772-8E79-3D69D8477DE4");
  private static Outputs cached;

  private ExampleVm() {}

  public static synchronized Outputs get() throws Exception {
    if (cached == null) {
      Path dir = Files.createTempDirectory("ingot-example-vm");
      // Shared by several test classes of the JVM, so removed when the JVM ends.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      dev.ingot.plugin.AtomicOutput.deleteTree(dir);
                    } catch (java.io.IOException e) {
                      System.err.println("cannot remove " + dir + ": " + e.getMessage());
                    }
                  }));
      cached = build(dir);
    }
    return cached;
  }

  private static Outputs build(Path cwd) throws Exception {
    Path key = cwd.resolve("id_ed25519");
    TestDisks.runOk(
        "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key.toString());
    String pub = Files.readString(cwd.resolve("id_ed25519.pub")).strip();
    Path template = Path.of("examples/debian-vm.pkr.hcl").toAbsolutePath();
    CliTestSupport.Run run =
        CliTestSupport.run(
            cwd,
            Map.of(),
            "build",
            "--cache-dir",
            Contexts.sharedMirrorCache().toString(),
            "-var",
            "ssh_public_key=" + pub,
            template.toString());
    assertThat(run.exitCode()).as(run.out() + "\n" + run.err()).isZero();
    Path dir = cwd.resolve("output").resolve(BUILD);
    Path qcow2 = dir.resolve(BUILD + ".qcow2");
    Path raw = cwd.resolve("disk.raw");
    DiskImages.convert(
        qcow2,
        DiskFormat.QCOW2,
        raw,
        DiskImages.options(DiskFormat.RAW, "", false),
        new WriteJob(2, 0, "disk.raw"));
    return new Outputs(
        dir,
        qcow2,
        dir.resolve(BUILD + ".vmdk"),
        dir.resolve("debian-vm.ova"),
        raw,
        rootOffset(raw),
        pub);
  }

  /** The byte offset of the (only) Linux root partition, from sfdisk. */
  static long rootOffset(Path raw) throws Exception {
    JsonNode t = new ObjectMapper().readTree(TestDisks.runOk("sfdisk", "--json", raw.toString()));
    long found = -1;
    for (JsonNode p : t.path("partitiontable").path("partitions")) {
      if (LINUX_ROOT.contains(p.path("type").asText().toUpperCase(java.util.Locale.ROOT))) {
        assertThat(found).as("one Linux root partition").isEqualTo(-1);
        found = p.path("start").asLong() * 512;
      }
    }
    assertThat(found).as("a Linux root partition in " + t).isPositive();
    return found;
  }

  /** The contents of {@code path} in the image's root filesystem, read with debugfs. */
  public static String cat(Outputs o, String path) throws Exception {
    return TestDisks.runOk("debugfs", "-R", "cat " + path, o.raw() + "?offset=" + o.rootOffset());
  }
}
