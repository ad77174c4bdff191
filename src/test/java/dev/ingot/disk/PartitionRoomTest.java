package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ingot.disk.fs.Ext4;
import dev.ingot.disk.part.Partition;
import dev.ingot.disk.part.PartitionTable;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sizes the room check suggests, with real mke2fs probes (the trees are entries only: the check
 * reads their sizes, not their contents).
 */
@Tag("peer")
class PartitionRoomTest {
  private static final long MIB = 1L << 20;

  @TempDir Path tmp;

  private PartitionRoom room() {
    return new PartitionRoom(new Tools(new LocalProcessRunner(), new Cancellation()), tmp);
  }

  private static DiskSpec spec(long size, long boot) {
    return new DiskSpec(
        size,
        PartitionTable.Scheme.GPT,
        BootMode.parse("hybrid"),
        false,
        "ext4",
        "root",
        64 * MIB,
        boot,
        List.of(),
        "seed",
        0);
  }

  private static FileTree treeWith(String path, long bytes) {
    Digest any = Digest.sha256(new byte[0]);
    return FileTree.builder()
        .put(FileEntry.directory("", 0755, 0, 0, 0))
        .putWithParents(FileEntry.file(path, 0644, 0, 0, 0, bytes, any), 0755, 0)
        .build();
  }

  private static Ext4 fs(Partition p) {
    return new Ext4(UUID.nameUUIDFromBytes(new byte[] {2}), "x", p.offset(), p.size(), 0);
  }

  @Test
  void aBootTooBigForTheDiskToo() throws Exception {
    DiskSpec spec = spec(320 * MIB, 64 * MIB);
    Ext4 boot = fs(DiskLayout.plan(spec).boot().orElseThrow());
    NoRoomException e =
        catchThrowableOfType(
            NoRoomException.class,
            () -> room().check(treeWith("boot/initrd.img", 450 * MIB), boot, spec, false));
    assertThat(e).isNotNull();
    assertThat(e.argument()).isEqualTo("boot_partition_size");
    assertThat(e.getMessage()).contains("and size by as much");
    assertThat(e.suggested())
        .as("450 MiB and a tenth, beyond what a 320 MiB disk could give /boot")
        .isGreaterThanOrEqualTo(512 * MIB)
        .isLessThanOrEqualTo(640 * MIB);
  }

  @Test
  void whenMke2fsRanOutAnywayTheSuggestionGrows() throws Exception {
    DiskSpec spec = spec(1024 * MIB, 0);
    Ext4 root = fs(DiskLayout.plan(spec).root());
    NoRoomException e = room().noRoom(treeWith("srv/x", 100 * MIB), root, spec, true);
    assertThat(e.argument()).isEqualTo("size");
    assertThat(e.suggested()).isGreaterThan(spec.size());
  }

  @Test
  void mke2fsRunningOutOfBlocksOrInodesIsNoRoom() {
    assertThat(
            PartitionRoom.outOfRoom(
                new DiskException(
                    "mke2fs failed with exit code 1: mke2fs -q ...\n__populate_fs: Could not"
                        + " allocate block in ext2 filesystem while writing file \"big\"")))
        .isTrue();
    assertThat(
            PartitionRoom.outOfRoom(
                new DiskException(
                    "mke2fs failed with exit code 1: mke2fs ...\nCould not allocate inode")))
        .isTrue();
    assertThat(
            PartitionRoom.outOfRoom(
                new DiskException("mke2fs failed with exit code 1: mke2fs ...\nBad magic number")))
        .isFalse();
    assertThat(
            PartitionRoom.outOfRoom(
                new DiskException("mkfs.fat failed with exit code 1: No space left on device")))
        .as("another tool's")
        .isFalse();
  }
}
