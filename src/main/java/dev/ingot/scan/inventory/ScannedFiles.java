package dev.ingot.scan.inventory;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.tar.ContentPolicy;

/**
 * What a scan keeps of an image's files while it flattens the layers: the dpkg database, /etc and
 * os-release whole (a padded 3 MiB passwd or sshd_config must not make the checks unrunnable) and
 * every other file up to 1 MiB (copyright files and the like: all that the inventory and the
 * hardening checks open). Larger files are listed with their size and mode, which is all the checks
 * look at, and their bytes are read past, not written to the cache: a 4 GiB file in a 4 MB layer
 * costs inflating it, not 4 GiB of disk. A layer may store 1 GiB plus 64 bytes per compressed byte;
 * real layers compress 2 to 10 times, a bomb of small distinct files about a thousand.
 */
public final class ScannedFiles {
  /** Files up to this size are kept wherever they are. */
  public static final long SMALL = 1 << 20;

  public static final ContentPolicy POLICY = new ContentPolicy(ScannedFiles::kept, 1L << 30, 64);

  private ScannedFiles() {}

  static boolean kept(FileEntry e) {
    String p = e.path();
    return e.size() <= SMALL
        || p.startsWith("var/lib/dpkg/")
        || p.startsWith("etc/")
        || p.equals("usr/lib/os-release");
  }
}
