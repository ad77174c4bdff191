package dev.ingot.fs.tar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FileType;
import dev.ingot.fs.TreeImporter;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GNU tar as the independent reader and writer of our archives. Runs as root (CI does). */
@Tag("peer")
class GnuTarPeerTest {
  @TempDir Path tmp;
  final ProcessRunner proc = new LocalProcessRunner();

  private void run(String... cmd) throws Exception {
    ProcessRunner.Result r = proc.run(List.of(cmd));
    assertThat(r.exitCode()).as(String.join(" ", cmd) + ": " + r.output()).isZero();
  }

  @Test
  void gnuTarExtractsWhatWeWrite() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree tree = TarRoundTripTest.sample(blobs);
    Path tar = tmp.resolve("ours.tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      new TarWriter(blobs, new TarWriter.Options(-1, true)).write(tree, out);
    }
    Path root = Files.createDirectory(tmp.resolve("x"));
    run(
        "tar",
        "--xattrs",
        "--xattrs-include=*",
        "--numeric-owner",
        "-xpf",
        tar.toString(),
        "-C",
        root.toString());
    FileTree back = new TreeImporter(blobs).importDir(root);
    for (FileEntry want : tree.entries()) {
      FileEntry got = back.get(want.path()).orElseThrow(() -> new AssertionError(want.path()));
      assertThat(got.type()).as(want.path()).isIn(want.type(), FileType.REGULAR, FileType.HARDLINK);
      assertThat(got.mode()).as(want.path()).isEqualTo(want.mode());
      assertThat(got.uid()).as(want.path()).isEqualTo(want.uid());
      assertThat(got.gid()).as(want.path()).isEqualTo(want.gid());
      assertThat(got.mtime()).as(want.path()).isEqualTo(want.mtime());
      if (want.type() == FileType.SYMLINK) {
        assertThat(got.linkTarget()).as(want.path()).isEqualTo(want.linkTarget());
      }
      assertThat(got.devMajor()).isEqualTo(want.devMajor());
    }
    assertThat(Files.isSameFile(root.resolve("bin/ping"), root.resolve("bin/aaa-link"))).isTrue();
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(root.resolve("bin/ping"), UserDefinedFileAttributeView.class);
    ByteBuffer buf = ByteBuffer.allocate(64);
    v.read("comment", buf);
    assertThat(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8))
        .isEqualTo("plain");
  }

  @Test
  void weReadWhatGnuTarWritesInEachFormat() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path deep = Files.createDirectories(src.resolve("d".repeat(90) + "/" + "e".repeat(90)));
    Files.writeString(deep.resolve("f".repeat(120)), "long\n");
    Files.writeString(src.resolve("suid"), "x");
    Files.setPosixFilePermissions(
        src.resolve("suid"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    run("chmod", "4755", src.resolve("suid").toString());
    Files.createLink(src.resolve("zlink"), src.resolve("suid"));
    Files.createSymbolicLink(src.resolve("sym"), Path.of("/" + "t".repeat(150)));
    run("mkfifo", src.resolve("fifo").toString());
    run("chown", "-h", "1234:5678", src.resolve("sym").toString());
    Files.getFileAttributeView(src.resolve("suid"), UserDefinedFileAttributeView.class)
        .write("note", ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 'a'}));
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    FileTree want = new TreeImporter(blobs).importDir(src);
    for (String format : List.of("gnu", "pax", "posix")) {
      Path tar = tmp.resolve(format + ".tar");
      run(
          "tar",
          "--format=" + format,
          "--xattrs",
          "--numeric-owner",
          "-cf",
          tar.toString(),
          "-C",
          src.toString(),
          ".");
      FileTree got;
      try (InputStream in = Files.newInputStream(tar)) {
        got = new TarReader(blobs, TarReadOptions.DEFAULTS).read(in);
      }
      FileTree withoutXattrs = got.map(e -> e.withXattrs(null));
      assertThat(withoutXattrs.entries()).as(format).containsExactlyElementsOf(want.entries());
      if (!format.equals("gnu")) {
        assertThat(got.get("suid").orElseThrow().xattrs())
            .containsEntry("user.note", "\u0000\u00ffa");
      }
    }
  }

  /**
   * A member of 8 GiB or more (an OVA's disk, say) does not fit the header's 11 octal digits: its
   * size goes into a PAX record, and GNU tar must find the member after it where we put it. The
   * archive is written sparsely (its zeros are skipped), so this costs seconds, not 8 GiB of disk.
   */
  @Test
  void membersOfEightGibAndMoreCarryTheirSizeInPaxRecords() throws Exception {
    long big = (8L << 30) + 1000; // the octal field holds at most 8 GiB - 1
    Path tar = tmp.resolve("big.tar");
    try (java.nio.channels.FileChannel ch =
            java.nio.channels.FileChannel.open(
                tar,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        TarOutput out = new TarOutput(new SparseOutput(ch), -1)) {
      out.write(
          "disk.vmdk",
          FileEntry.file("disk.vmdk", 0644, 0, 0, 1, big, null),
          null,
          dev.ingot.testing.Zeros.of(big));
      byte[] tail = "end\n".getBytes(StandardCharsets.US_ASCII);
      out.write(
          "after.txt",
          FileEntry.file("after.txt", 0644, 0, 0, 1, tail.length, null),
          null,
          new java.io.ByteArrayInputStream(tail));
    }
    ProcessRunner.Result list = proc.run(List.of("tar", "-tvf", tar.toString()));
    String listing = String.join("\n", list.output());
    assertThat(list.exitCode()).as(listing).isZero();
    assertThat(listing).contains(" " + big + " ").contains("disk.vmdk").contains("after.txt");
    ProcessRunner.Result after = proc.run(List.of("tar", "-xOf", tar.toString(), "after.txt"));
    assertThat(after.exitCode()).as(String.join("\n", after.output())).isZero();
    assertThat(after.output()).containsExactly("end");
    // The index finds both from their headers alone (the 8 GiB are seeked over, not read).
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tar)) {
      List<TarIndex.Member> m = TarIndex.regularMembers(ch);
      assertThat(m).extracting(TarIndex.Member::name).containsExactly("disk.vmdk", "after.txt");
      assertThat(m.get(0).size()).isEqualTo(big);
      ByteBuffer end = ByteBuffer.allocate(4);
      ch.read(end, m.get(1).offset());
      assertThat(new String(end.array(), StandardCharsets.US_ASCII)).isEqualTo("end\n");
    }
  }

  /** Writes only the non-zero parts of what it is given: the rest stays a hole of the file. */
  private static final class SparseOutput extends OutputStream {
    private final java.nio.channels.FileChannel ch;
    private long pos;

    SparseOutput(java.nio.channels.FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      if (java.util.Arrays.mismatch(b, off, off + len, new byte[len], 0, len) >= 0) {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        long p = pos;
        while (src.hasRemaining()) {
          p += ch.write(src, p);
        }
      }
      pos += len;
    }

    @Override
    public void close() throws java.io.IOException {
      if (ch.size() < pos) {
        ch.write(ByteBuffer.wrap(new byte[1]), pos - 1); // the archive's length, its end zeros
      }
    }
  }

  /**
   * A disk stored with {@code tar --sparse} (old GNU sparse with extension headers, PAX sparse 0.1
   * and 1.0) is refused by name with what to do; it was "chksum is not an octal number" or the
   * sparse map read as the disk's first bytes.
   */
  @Test
  void theIndexRefusesGnuSparseMembersByName() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("sparse"));
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            src.resolve("disk.vmdk"),
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
      for (int i = 0; i < 40; i++) { // many holes: the old format needs extension headers
        ch.write(ByteBuffer.wrap(new byte[] {1}), i * 65536L);
      }
    }
    for (List<String> opts :
        List.of(
            List.of("--format=gnu"),
            List.of("--format=pax", "--sparse-version=0.1"),
            List.of("--format=pax", "--sparse-version=1.0"))) {
      Path tar =
          tmp.resolve("sparse-" + String.join("", opts).replaceAll("[^a-z0-9]", "") + ".tar");
      List<String> cmd = new java.util.ArrayList<>(List.of("tar", "--sparse"));
      cmd.addAll(opts);
      cmd.addAll(List.of("-cf", tar.toString(), "-C", src.toString(), "disk.vmdk"));
      run(cmd.toArray(String[]::new));
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tar)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TarIndex.regularMembers(ch))
            .as(opts.toString())
            .isInstanceOf(TarFormatException.class)
            .hasMessageContaining("is stored as a GNU sparse file")
            .hasMessageContaining("without --sparse");
      }
    }
  }

  /** TarIndex against archives GNU tar writes in each format: names, sizes and data offsets. */
  @Test
  void theIndexFindsWhatGnuTarWroteInEachFormat() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("idx"));
    String deep = "d".repeat(60) + "/" + "e".repeat(60);
    Files.createDirectories(src.resolve(deep));
    Files.writeString(src.resolve("small.txt"), "small\n");
    Files.writeString(src.resolve(deep).resolve("f".repeat(120) + ".txt"), "long name\n");
    Files.write(src.resolve("big.bin"), new byte[70_000]);
    Files.createSymbolicLink(src.resolve("link"), Path.of("small.txt"));
    for (String format : List.of("gnu", "pax", "ustar")) {
      Path tar = tmp.resolve("idx-" + format + ".tar");
      List<String> names = new java.util.ArrayList<>(List.of("small.txt", "big.bin", "link"));
      if (!format.equals("ustar")) { // ustar cannot hold a 120-character file name
        names.add(deep + "/" + "f".repeat(120) + ".txt");
      }
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of("tar", "--format=" + format, "-cf", tar.toString(), "-C", src.toString()));
      cmd.addAll(names);
      run(cmd.toArray(String[]::new));
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tar)) {
        List<TarIndex.Member> m = TarIndex.regularMembers(ch);
        List<String> regular = names.stream().filter(n -> !n.equals("link")).toList();
        assertThat(m)
            .as(format)
            .extracting(TarIndex.Member::name)
            .containsExactlyElementsOf(regular);
        for (TarIndex.Member x : m) {
          byte[] want = Files.readAllBytes(src.resolve(x.name()));
          assertThat(x.size()).as(format + " " + x.name()).isEqualTo(want.length);
          ByteBuffer got = ByteBuffer.allocate(want.length);
          ch.read(got, x.offset());
          assertThat(got.array()).as(format + " " + x.name()).isEqualTo(want);
        }
      }
      // Cut inside the big member's data: an error, not a shorter archive.
      Path cut = tmp.resolve("cut-" + format + ".tar");
      byte[] all = Files.readAllBytes(tar);
      Files.write(cut, java.util.Arrays.copyOf(all, 3 * 512 + 10_000));
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(cut)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TarIndex.regularMembers(ch))
            .as(format)
            .isInstanceOf(TarFormatException.class)
            .hasMessageContaining("past the end of the file");
      }
    }
  }
}
