package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which tool failures mean that the files did not fit (the rest are reported as they are). */
class PartitionRoomTest {
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
