package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.disk.boot.TestPe;
import dev.ingot.disk.format.TestDisks;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Disks assembled from a small synthetic tree (a stand-in kernel, so nothing boots here): the
 * partition table as sfdisk reads it, e2fsck on each ext4 filesystem, and the same bytes from two
 * builds in different scratch directories at different times.
 */
@Tag("peer")
class DiskBuilderPeerTest {
  @TempDir Path tmp;
  static final long T = 1_700_000_000L;

  FileTree tree(DirBlobStore blobs) throws Exception {
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T));
    for (String[] f :
        new String[][] {
          {"boot/vmlinuz-6.1.0-9-amd64", "kernel"}, {"boot/vmlinuz-6.1.0-10-amd64", "newer kernel"},
          {"boot/initrd.img-6.1.0-10-amd64", "initrd"}, {"etc/hostname", "h\n"},
          {"usr/lib/systemd/system/system-systemd\\x2dcryptsetup.slice", "[Unit]\n"}
        }) {
      byte[] d = f[1].getBytes();
      Digest dg = blobs.put(new ByteArrayInputStream(d));
      b.putWithParents(FileEntry.file(f[0], 0644, 0, 0, T, d.length, dg), 0755, T);
    }
    b.putWithParents(FileEntry.hardlink("etc/hostname2", "etc/hostname", 0644, 0, 0, T), 0755, T);
    b.putWithParents(FileEntry.symlink("vmlinuz", "boot/vmlinuz-6.1.0-10-amd64", 0, 0, T), 0755, T);
    b.putWithParents(
        new FileEntry("dev/ptmx", FileType.CHAR_DEVICE, 0666, 0, 0, T, 0, null, null, 5, 2, null),
        0755,
        T);
    b.putWithParents(FileEntry.directory("home/u", 0700, 1000, 1000, T), 0755, T);
    return b.build();
  }

  Path build(DiskSpec spec, String name) throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    Path work = Files.createTempDirectory(tmp, "work");
    Path out = tmp.resolve(name);
    try {
      new DiskBuilder(new Tools(new LocalProcessRunner(), new Cancellation()), work)
          .build(tree(blobs), blobs, spec, out);
    } finally {
      AtomicOutput.deleteTree(work);
    }
    return out;
  }

  static DiskSpec spec(PartitionTable.Scheme s, BootMode m, long bootSize) {
    return new DiskSpec(
        256L << 20,
        s,
        m,
        false,
        "ext4",
        "root",
        DiskSpec.DEFAULT_ESP,
        bootSize,
        List.of("quiet"),
        "t",
        T);
  }

  @ParameterizedTest(name = "{0} {1} boot={2}")
  @CsvSource({"GPT, HYBRID, 0", "MBR, BIOS, 0", "GPT, UEFI, 64", "MBR, HYBRID, 64"})
  void validTablesAndFilesystemsWithTheSameBytesTwice(String scheme, String mode, int bootMib)
      throws Exception {
    DiskSpec spec =
        spec(PartitionTable.Scheme.valueOf(scheme), BootMode.valueOf(mode), (long) bootMib << 20);
    Path a = build(spec, "a.raw");
    Thread.sleep(1100); // a different wall clock second for the second build
    Path b = build(spec, "b.raw");
    assertThat(TestDisks.sha256(b)).isEqualTo(TestDisks.sha256(a));

    String sfdisk = TestDisks.runOk("sfdisk", "--json", a.toString());
    assertThat(sfdisk).contains(scheme.equals("GPT") ? "\"label\": \"gpt\"" : "\"label\": \"dos\"");
    if (scheme.equals("GPT")) {
      // sfdisk checks both headers and entry CRCs; a bad backup header is reported on stderr.
      assertThat(TestDisks.runOk("sfdisk", "--verify", a.toString())).doesNotContain("corrupt");
    }
    DiskLayout l = DiskLayout.plan(spec);
    check(a, l.root(), l.rootFs().toString());
    if (l.boot().isPresent()) {
      check(a, l.boot().get(), l.bootFs().toString());
    }
    if (l.esp().isPresent()) {
      String dir = TestDisks.runOk("mdir", "-i", a + "@@" + l.esp().get().offset(), "::/EFI/BOOT");
      assertThat(dir).contains("BOOTX64  EFI");
    }
  }

  private void check(Path disk, dev.ingot.disk.part.Partition p, String uuid) throws Exception {
    Path fs = tmp.resolve("p" + p.number() + ".ext4");
    TestDisks.runOk(
        "dd",
        "if=" + disk,
        "of=" + fs,
        "bs=1M",
        "skip=" + p.offset() / (1 << 20),
        "count=" + p.size() / (1 << 20),
        "conv=sparse",
        "status=none");
    TestDisks.runOk("e2fsck", "-fn", fs.toString());
    assertThat(TestDisks.runOk("blkid", "-o", "value", "-s", "UUID", fs.toString()).strip())
        .isEqualTo(uuid);
    String ls = TestDisks.runOk("debugfs", "-R", "ls -l /", fs.toString());
    assertThat(ls)
        .contains(p.type() == dev.ingot.disk.part.PartitionType.LINUX_BOOT ? "grub" : "etc");
    Files.delete(fs);
  }

  @Test
  void aTreeWithoutKernelIsRefusedAndLeavesNothing() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree t = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T)).build();
    Path out = tmp.resolve("x.raw");
    assertThatThrownBy(
            () ->
                new DiskBuilder(new Tools(new LocalProcessRunner(), new Cancellation()), tmp)
                    .build(t, blobs, spec(PartitionTable.Scheme.GPT, BootMode.HYBRID, 0), out))
        .isInstanceOf(DiskException.class)
        .hasMessageContaining("no kernel");
    assertThat(out).doesNotExist();
  }

  /** A UEFI tree with made-up signed shim, GRUB (naming /EFI/debian), MokManager and kernel. */
  FileTree secureTree(DirBlobStore blobs, boolean kernelSigned, boolean withGrub) throws Exception {
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T));
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("boot/vmlinuz-6.1.0-10-cloud-amd64", TestPe.image(kernelSigned, "kernel"));
    files.put("boot/initrd.img-6.1.0-10-cloud-amd64", "initrd".getBytes());
    files.put(SignedBoot.SHIM, TestPe.image(true, "shim"));
    if (withGrub) {
      files.put(SignedBoot.GRUB, TestPe.image(true, "normal (memdisk)/grub.cfg\0/EFI/debian"));
    }
    files.put(SignedBoot.MOK_MANAGER, TestPe.image(true, "mok"));
    for (var f : files.entrySet()) {
      Digest d = blobs.put(new ByteArrayInputStream(f.getValue()));
      b.putWithParents(FileEntry.file(f.getKey(), 0644, 0, 0, T, f.getValue().length, d), 0755, T);
    }
    return b.build();
  }

  static DiskSpec secureSpec() {
    return secureSpec(BootMode.UEFI);
  }

  static DiskSpec secureSpec(BootMode mode) {
    return new DiskSpec(
        256L << 20,
        PartitionTable.Scheme.GPT,
        mode,
        true,
        "ext4",
        "root",
        DiskSpec.DEFAULT_ESP,
        0,
        List.of(),
        "t",
        T);
  }

  Path buildSecure(FileTree t, DirBlobStore blobs, String name) throws Exception {
    Path work = Files.createTempDirectory(tmp, "work");
    Path out = tmp.resolve(name);
    try {
      new DiskBuilder(new Tools(new LocalProcessRunner(), new Cancellation()), work)
          .build(t, blobs, secureSpec(), out);
    } finally {
      AtomicOutput.deleteTree(work);
    }
    return out;
  }

  @Test
  void secureBootPutsTheTreesSignedShimAndGrubOnTheEspWithTheirConfig() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree t = secureTree(blobs, true, true);
    Path a = buildSecure(t, blobs, "a.raw");
    Thread.sleep(1100);
    assertThat(TestDisks.sha256(buildSecure(t, blobs, "b.raw"))).isEqualTo(TestDisks.sha256(a));
    String at = a + "@@" + DiskLayout.plan(secureSpec()).esp().orElseThrow().offset();
    for (String[] f :
        new String[][] {
          {"EFI/BOOT/BOOTX64.EFI", SignedBoot.SHIM},
          {"EFI/BOOT/grubx64.efi", SignedBoot.GRUB},
          {"EFI/BOOT/mmx64.efi", SignedBoot.MOK_MANAGER}
        }) {
      Path copy = tmp.resolve("copy.efi");
      Files.deleteIfExists(copy);
      TestDisks.runOk("mcopy", "-i", at, "::/" + f[0], copy.toString());
      try (var in = blobs.open(t.get(f[1]).orElseThrow().content())) {
        assertThat(Files.readAllBytes(copy)).as(f[0]).isEqualTo(in.readAllBytes());
      }
    }
    String uuid = DiskLayout.plan(secureSpec()).rootFs().toString();
    for (String cfg : List.of("::/EFI/BOOT/grub.cfg", "::/EFI/debian/grub.cfg")) {
      assertThat(TestDisks.runOk("mtype", "-i", at, cfg))
          .contains("search --no-floppy --fs-uuid --set=root " + uuid)
          .contains("configfile $prefix/grub.cfg");
    }
  }

  @Test
  void secureBootWithoutTheSignedPackagesOrWithAnUnsignedKernelIsRefused() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    assertThatThrownBy(() -> buildSecure(secureTree(blobs, true, false), blobs, "x.raw"))
        .isInstanceOf(DiskException.class)
        .hasMessageContaining(SignedBoot.GRUB + " is missing")
        .hasMessageContaining("shim-signed and grub-efi-amd64-signed");
    assertThatThrownBy(() -> buildSecure(secureTree(blobs, false, true), blobs, "x.raw"))
        .isInstanceOf(DiskException.class)
        .hasMessageContaining("kernel boot/vmlinuz-6.1.0-10-cloud-amd64 is not signed")
        .hasMessageContaining("(an empty certificate table (not signed))");
    assertThat(tmp.resolve("x.raw")).doesNotExist();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsOnly("blobs");
    }
  }

  @Test
  void secureBootNeedsUefi() {
    assertThatThrownBy(() -> secureSpec(BootMode.BIOS)).hasMessageContaining("uefi or hybrid");
  }
}
