package dev.ingot.disk.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a FAT32 EFI system partition made with dosfstools and mtools in an image file: mkfs.fat
 * with a fixed volume id and {@code --invariant}, then directories and files copied in with mtools,
 * whose timestamps follow SOURCE_DATE_EPOCH. Sizes in bytes. Pure planning.
 */
public record Fat(String label, long size, long epoch) {
  public Fat {
    if (size < (33L << 20)) {
      throw new IllegalArgumentException("a FAT32 EFI system partition needs at least 33 MiB");
    }
    if (label.length() > 11) {
      throw new IllegalArgumentException("FAT labels have at most 11 characters: " + label);
    }
  }

  public List<String> mkfs(Path image) {
    return List.of(
        "mkfs.fat",
        "-C",
        "-F",
        "32",
        "-n",
        label,
        "--invariant",
        image.toString(),
        Long.toString(size / 1024));
  }

  /**
   * mmd commands for each directory, parents first, then an mcopy per file ({@code dest → src}).
   */
  public List<List<String>> populate(Path image, List<String> dirs, Map<String, Path> files) {
    List<List<String>> cmds = new ArrayList<>();
    for (String d : dirs) {
      cmds.add(List.of("mmd", "-i", image.toString(), "::/" + d));
    }
    files.forEach(
        (dest, src) ->
            cmds.add(List.of("mcopy", "-m", "-i", image.toString(), src.toString(), "::/" + dest)));
    return cmds;
  }

  public Map<String, String> env() {
    return Map.of("SOURCE_DATE_EPOCH", Long.toString(epoch), "MTOOLS_SKIP_CHECK", "1");
  }
}
