package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.TestDisks;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.fs.Digest;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file capability in the tree ends up in the ext4 root filesystem (read with debugfs). */
@Tag("peer")
class DiskXattrPeerTest {
  static final long T = 1_700_000_000L;
  @TempDir Path tmp;

  @Test
  void fileCapabilitiesReachTheFilesystem() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, T));
    for (String f : List.of("boot/vmlinuz-6.1.0-10-amd64", "boot/initrd.img-6.1.0-10-amd64")) {
      Digest d = blobs.put(new ByteArrayInputStream(f.getBytes()));
      b.putWithParents(FileEntry.file(f, 0644, 0, 0, T, f.length(), d), 0755, T);
    }
    Digest ping = blobs.put(new ByteArrayInputStream("ping".getBytes()));
    TreeMap<String, String> cap = new TreeMap<>();
    cap.put(
        "security.capability",
        new String(
            HexFormat.of().parseHex("0100000200200000000000000000000000000000"),
            StandardCharsets.ISO_8859_1));
    b.putWithParents(
        FileEntry.file("usr/bin/ping", 0755, 0, 0, T, 4, ping).withXattrs(cap), 0755, T);
    DiskSpec spec = DiskBuilderPeerTest.spec(PartitionTable.Scheme.MBR, BootMode.BIOS, 0);
    Path work = Files.createTempDirectory(tmp, "work");
    Path out = tmp.resolve("d.raw");
    try {
      new DiskBuilder(new Tools(new LocalProcessRunner(), new Cancellation()), work)
          .build(b.build(), blobs, spec, out);
    } finally {
      AtomicOutput.deleteTree(work);
    }
    dev.ingot.disk.part.Partition root = DiskLayout.plan(spec).root();
    Path fs = tmp.resolve("root.ext4");
    TestDisks.runOk(
        "dd",
        "if=" + out,
        "of=" + fs,
        "bs=1M",
        "skip=" + root.offset() / (1 << 20),
        "count=" + root.size() / (1 << 20),
        "conv=sparse",
        "status=none");
    String ea = TestDisks.runOk("debugfs", "-R", "ea_list /usr/bin/ping", fs.toString());
    assertThat(ea).contains("security.capability");
    String other =
        TestDisks.runOk("debugfs", "-R", "ea_list /boot/vmlinuz-6.1.0-10-amd64", fs.toString());
    assertThat(other).doesNotContain("security.capability");
  }
}
