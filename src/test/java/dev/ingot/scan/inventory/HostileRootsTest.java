package dev.ingot.scan.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.fs.Digest;
import dev.ingot.oci.layout.LayoutBlobs;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Root filesystems and layouts a black-box review built to hang or exhaust the scanner. */
class HostileRootsTest {
  @TempDir Path tmp;

  /**
   * One stanza whose Description runs on for 200,000 continuation lines is read whole and right.
   * Joining each line onto a string was quadratic (2 MB took 15 s and 1.9 GB); the timeout guards
   * that hang and is no speed measure.
   */
  @Test
  @Timeout(60)
  void aLongContinuedFieldIsReadInOnePass() {
    StringBuilder s =
        new StringBuilder("Package: a\nStatus: install ok installed\nDescription: x\n");
    String line = " " + "y".repeat(50) + "\n";
    s.append(line.repeat(200_000)).append("\nPackage: b\nVersion: 2\n");
    List<Map<String, String>> stanzas = DebControl.parse(s.toString());
    assertThat(stanzas).hasSize(2);
    String d = stanzas.get(0).get("Description");
    assertThat(d.split("\n", -1)).hasSize(200_001);
    assertThat(d).startsWith("x\n" + "y".repeat(50));
    assertThat(stanzas.get(1)).containsEntry("Version", "2");
  }

  /** A 3 GB (sparse) dpkg status file was read whole: OutOfMemoryError with its stack trace. */
  @Test
  void aHugeMetadataFileIsRefusedByName() throws Exception {
    Path status = Files.createDirectories(tmp.resolve("var/lib/dpkg")).resolve("status");
    try (RandomAccessFile f = new RandomAccessFile(status.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    RootView root = new DirRootView(tmp);
    assertThatThrownBy(() -> root.read("var/lib/dpkg/status"))
        .hasMessageContaining("var/lib/dpkg/status is 3221225472 bytes, more than the 256 MiB");
  }

  /**
   * Links to one status file are read once, and the database's files together are bounded (40 hard
   * links to a 100 MiB status.d file took 30 s and 5.8 GB from a 109 KB layer).
   */
  @Test
  void linksToOneDpkgFileAreReadOnceAndTheDatabaseIsBounded() throws Exception {
    String stanza = "Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: amd64\n";
    PackageDb viaTree =
        new DpkgReader()
            .read(
                new dev.ingot.scan.TestRoots(tmp.resolve("blobs"))
                    .file("var/lib/dpkg/status.d/a", stanza)
                    .symlink("var/lib/dpkg/status.d/s0", "a")
                    .symlink("var/lib/dpkg/status.d/s1", "a")
                    .view())
            .orElseThrow();
    assertThat(viaTree.packages()).hasSize(1);
    Path big = Files.createDirectories(tmp.resolve("big/var/lib/dpkg/status.d"));
    for (int i = 0; i < 3; i++) {
      try (RandomAccessFile f = new RandomAccessFile(big.resolve("p" + i).toFile(), "rw")) {
        f.setLength(100L << 20);
      }
    }
    assertThatThrownBy(() -> new DpkgReader().read(new DirRootView(tmp.resolve("big"))))
        .hasMessageContaining("the dpkg database is more than 256 MiB");
  }

  /** A layer blob that is a FIFO was read for ever by scan. */
  @Test
  @Timeout(60)
  void aBlobThatIsNotAFileIsRefused() throws Exception {
    Digest d = Digest.sha256(new java.io.ByteArrayInputStream(new byte[] {1}));
    Path blob = Files.createDirectories(tmp.resolve("blobs/sha256")).resolve(d.hex());
    assertThat(new ProcessBuilder("mkfifo", blob.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> new LayoutBlobs(tmp).open(d).close())
        .hasMessageContaining("blob " + d + " of the layout " + tmp + " is not a regular file");
  }
}
