package dev.ingot.provision.chroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chroot communicator on a tiny root made of the host's dash and libc (needs root). */
@Tag("peer")
class ChrootCommunicatorTest {
  @TempDir Path tmp;
  Path root;
  ChrootCommunicator c;

  @BeforeEach
  void makeRoot() throws Exception {
    root = tmp.resolve("root");
    for (String d : List.of("usr/bin", "usr/lib/x86_64-linux-gnu", "usr/lib64", "etc", "tmp")) {
      Files.createDirectories(root.resolve(d));
    }
    for (String l : List.of("bin", "lib", "lib64")) {
      Files.createSymbolicLink(root.resolve(l), Path.of("usr/" + l));
    }
    Files.copy(Path.of("/usr/bin/dash"), root.resolve("usr/bin/sh"));
    Files.copy(
        Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6"),
        root.resolve("usr/lib/x86_64-linux-gnu/libc.so.6"));
    Files.copy(
        Path.of("/usr/lib64/ld-linux-x86-64.so.2"), root.resolve("usr/lib64/ld-linux-x86-64.so.2"));
    c =
        new ChrootCommunicator(
            new Chroot(root, new LocalProcessRunner(), new Cancellation(), false));
  }

  @Test
  void execRunsInsideWithItsOwnNamespacesAndStreamsOutput() throws Exception {
    List<String> out = new ArrayList<>();
    int rc =
        c.exec(
            "echo hello $GREETING; echo $$; read h < /proc/sys/kernel/hostname; echo $h; [ -c /dev/null ] && echo devnull; exit 3",
            Map.of("GREETING", "world"),
            out::add);
    assertThat(rc).isEqualTo(3);
    assertThat(out).containsExactly("hello world", "1", "localhost", "devnull");
    assertThat(Files.list(root.resolve("proc")).count())
        .as("mounts stay in the namespace")
        .isZero();
    assertThat(Files.list(root.resolve("dev")).count()).isZero();
  }

  @Test
  void uploadAndDownloadFilesAndDirectories() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("sub"));
    Files.writeString(src.resolve("a.txt"), "A");
    Files.writeString(src.resolve("sub/b.txt"), "B");
    c.upload(src, "/opt/app");
    c.upload(src.resolve("a.txt"), "/etc/");
    List<String> out = new ArrayList<>();
    assertThat(
            c.exec(
                "read x < /opt/app/sub/b.txt; read y < /etc/a.txt; echo $x$y", Map.of(), out::add))
        .isZero();
    assertThat(out).containsExactly("BA");
    Path back = tmp.resolve("back");
    c.download("/opt/app", back);
    assertThat(Files.readString(back.resolve("sub/b.txt"))).isEqualTo("B");
    c.download("/etc/a.txt", tmp.resolve("a-copy.txt"));
    assertThat(Files.readString(tmp.resolve("a-copy.txt"))).isEqualTo("A");
  }

  @Test
  void absoluteSymlinksInTheRootDoNotLeadOut() throws Exception {
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    Files.createSymbolicLink(root.resolve("escape"), outside.toAbsolutePath());
    Path f = tmp.resolve("f.txt");
    Files.writeString(f, "x");
    c.upload(f, "/escape/f.txt");
    assertThat(outside.resolve("f.txt")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("f.txt")).exists();
    assertThatThrownBy(() -> c.download("/no/such", tmp.resolve("x")))
        .hasMessageContaining("no such file");
  }

  @Test
  void aSessionReadsTheChangedTreeAndPackagesBack() throws Exception {
    dev.ingot.fs.DirBlobStore blobs = new dev.ingot.fs.DirBlobStore(tmp.resolve("blobs"));
    dev.ingot.fs.FileTree tree = new dev.ingot.fs.TreeImporter(blobs).importDir(root);
    dev.ingot.artifact.RootFs fs =
        new dev.ingot.artifact.RootFs(tree, blobs, List.of(), "minbase", "amd64", null);
    Path work = tmp.resolve("work");
    try (ChrootSession s =
        ChrootSession.open(
            fs,
            work,
            1_700_000_000L,
            false,
            new LocalProcessRunner(),
            new Cancellation(),
            (t, before) ->
                t.contains("etc/new")
                    ? List.of(
                        new dev.ingot.artifact.InstalledPackage(
                            "seen", "1", "all", null, null, null, null, null))
                    : List.of())) {
      assertThat(
              s.communicator()
                  .exec("echo new > /etc/new; rm /tmp -r 2>/dev/null; true", Map.of(), l -> {}))
          .isZero();
      // An attribute set in the session's tree (as setcap in a provisioner would) is read back.
      assertThat(
              new LocalProcessRunner()
                  .run(
                      List.of(
                          "setfattr",
                          "-n",
                          "user.p",
                          "-v",
                          "1",
                          work.resolve("root/etc/new").toString()))
                  .ok())
          .isTrue();
      dev.ingot.artifact.RootFs after = (dev.ingot.artifact.RootFs) s.finish();
      assertThat(after.tree().get("etc/new").orElseThrow().mtime()).isEqualTo(1_700_000_000L);
      assertThat(after.tree().get("etc/new").orElseThrow().xattrs()).containsEntry("user.p", "1");
      assertThat(after.packages())
          .extracting(dev.ingot.artifact.InstalledPackage::name)
          .containsExactly("seen");
      assertThat(fs.tree().contains("etc/new")).isFalse();
    }
    assertThat(work).doesNotExist();
  }

  @Test
  void aTreeWithoutAShellSaysSo() throws Exception {
    Files.delete(root.resolve("usr/bin/sh"));
    assertThatThrownBy(() -> c.exec("true", Map.of(), l -> {}))
        .isInstanceOf(ChrootException.class)
        .hasMessageContaining("no /bin/sh");
  }
}
