package dev.ingot.disk.fs;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans an ext4 filesystem made with e2fsprogs without a loop device: {@code mke2fs -d DIR}
 * populates it from a directory, written straight into the disk image at the partition's byte
 * offset ({@code -E offset=}). For reproducible bytes the UUID and directory hash seed are fixed,
 * {@code E2FSPROGS_FAKE_TIME} sets the times mke2fs makes up, and a {@code debugfs} script then
 * sets every inode's change time (which mke2fs copies from the exported files and no one can set on
 * them) to {@code epoch}. Pure planning; the commands run elsewhere.
 */
public record Ext4(UUID uuid, String label, long offset, long size, long epoch) {
  public Ext4 {
    if (size < (8L << 20)) {
      throw new IllegalArgumentException("an ext4 filesystem needs at least 8 MiB");
    }
    if (label.length() > 16) {
      throw new IllegalArgumentException("ext4 labels have at most 16 bytes: " + label);
    }
  }

  /** The mke2fs command that makes the filesystem in {@code image} from {@code dir}. */
  public List<String> mke2fs(Path image, Path dir) {
    return command("offset=" + offset + ",", List.of("-d", dir.toString()), image);
  }

  /**
   * The mke2fs command that makes the same filesystem, empty, at the start of {@code probe} (a
   * sparse scratch file): {@code dumpe2fs -h} on it then tells how much room the real one has.
   */
  public List<String> mke2fsEmpty(Path probe) {
    return command("", List.of(), probe);
  }

  private List<String> command(String offsetOption, List<String> populate, Path image) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "mke2fs",
                "-q",
                "-F",
                "-t",
                "ext4",
                "-b",
                "4096",
                "-I",
                "256",
                "-L",
                label,
                "-U",
                uuid.toString(),
                "-E",
                offsetOption + "hash_seed=" + uuid + ",root_owner=0:0"));
    cmd.addAll(populate);
    cmd.add(image.toString());
    cmd.add((size / 1024) + "k");
    return List.copyOf(cmd);
  }

  /** The environment for mke2fs and debugfs. */
  public Map<String, String> env() {
    return Map.of("E2FSPROGS_FAKE_TIME", Long.toString(epoch));
  }

  /** debugfs's name for the filesystem inside the image: the image with an offset option. */
  public String debugfsDevice(Path image) {
    return image + "?offset=" + offset;
  }

  /**
   * The debugfs script that sets the change time of every inode of {@code tree} to the epoch. Paths
   * are quoted; paths with a quote or a newline cannot be expressed and are refused.
   */
  public String ctimeScript(FileTree tree) {
    StringBuilder s = new StringBuilder();
    String hex = "0x" + Long.toHexString(epoch);
    List<String> bad = new ArrayList<>();
    for (FileEntry e : tree.entries()) {
      String p = "/" + e.path();
      if (p.contains("\"") || p.contains("\n")) {
        bad.add(p);
        continue;
      }
      s.append("sif \"").append(p).append("\" ctime ").append(hex).append('\n');
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("paths that cannot be put in an ext4 image: " + bad);
    }
    return s.toString();
  }
}
