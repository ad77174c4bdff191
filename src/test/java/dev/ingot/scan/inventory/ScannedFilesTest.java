package dev.ingot.scan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.FileEntry;
import org.junit.jupiter.api.Test;

/** What a scan of an image keeps: what its readers and checks open, whatever its size. */
class ScannedFilesTest {
  private static boolean kept(String path, long size) {
    return ScannedFiles.kept(FileEntry.file(path, 0644, 0, 0, 0, size, null));
  }

  @Test
  void configurationAndPackageDataAreKeptWhole() {
    long big = 3L << 20;
    assertThat(kept("etc/passwd", big)).isTrue(); // a padded passwd made the checks unrunnable
    assertThat(kept("etc/ssh/sshd_config", big)).isTrue();
    assertThat(kept("usr/lib/os-release", big)).isTrue();
    assertThat(kept("var/lib/dpkg/status", big)).isTrue();
    assertThat(kept("usr/share/doc/x/copyright", ScannedFiles.SMALL)).isTrue();
    assertThat(kept("opt/disk.img", big)).isFalse();
    assertThat(kept("usr/lib/x86_64-linux-gnu/libbig.so", ScannedFiles.SMALL + 1)).isFalse();
  }
}
