package dev.ingot.pkg.deb.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.DirBlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.TreeExporter;
import dev.ingot.fs.XattrDump;
import dev.ingot.fs.tar.TarWriter;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.provision.chroot.Chroot;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extended attributes through the real tools: a .deb whose data.tar GNU tar wrote with {@code
 * --xattrs} (PAX {@code SCHILY.xattr.*}) keeps them in the tree; our tar carries them so GNU tar
 * restores them; a tree written to a directory gets them with setfattr and getfattr reads them
 * back. Runs as root (security.capability needs it).
 */
@Tag("peer")
class XattrPeerTest {
  static final String CAP_HEX = "0100000200200000000000000000000000000000";
  static final String CAP =
      new String(HexFormat.of().parseHex(CAP_HEX), StandardCharsets.ISO_8859_1);

  @TempDir Path tmp;
  final ProcessRunner runner = new LocalProcessRunner();

  void sh(String script) throws Exception {
    ProcessRunner.Result r = runner.run(List.of("sh", "-ec", script, "sh", tmp.toString()));
    assertThat(r.ok()).as(String.join("\n", r.output())).isTrue();
  }

  @Test
  void capabilitiesSurviveDebTarAndDirectory() throws Exception {
    sh(
        "cd \"$1\"; mkdir -p src/usr/bin ctl; echo hi > src/usr/bin/tool\n"
            + "setfattr -n security.capability -v 0x"
            + CAP_HEX
            + " src/usr/bin/tool\n"
            + "setfattr -n user.note -v hello src/usr/bin/tool\n"
            + "tar --xattrs --xattrs-include='*' --format=posix --owner=0 --group=0"
            + " -cf data.tar -C src .\n"
            + "printf 'Package: tool\\nVersion: 1\\nArchitecture: amd64\\n' > ctl/control\n"
            + "tar -czf control.tar.gz -C ctl ./control\n"
            + "echo 2.0 > debian-binary\n"
            + "ar rc tool.deb debian-binary control.tar.gz data.tar");
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    UnpackedDeb d = new DebReader(blobs, DebReader.LIMITS).read(tmp.resolve("tool.deb"));
    FileEntry tool = d.data().get("usr/bin/tool").orElseThrow();
    assertThat(tool.xattrs()).containsEntry("security.capability", CAP);
    assertThat(tool.xattrs()).containsEntry("user.note", "hello");

    // Our tar → GNU tar extracts the capability again.
    try (OutputStream o = Files.newOutputStream(tmp.resolve("out.tar"))) {
      new TarWriter(blobs, new TarWriter.Options(1_700_000_000L, true)).write(d.data(), o);
    }
    sh(
        "cd \"$1\"; mkdir x; tar --xattrs --xattrs-include='*' -xf out.tar -C x\n"
            + "getfattr -n security.capability -e hex x/usr/bin/tool | grep -q "
            + CAP_HEX);

    // Tree → directory (setfattr) → tree (getfattr): the same attributes.
    Path root = Files.createDirectories(tmp.resolve("root"));
    FileTree tree = d.data();
    new TreeExporter(blobs, Chroot.nodeMaker(runner), new TreeExporter.Options(true))
        .export(tree, root);
    XattrDump.Runner attr = Chroot.attrTools(runner);
    XattrDump.write(tree, root, tmp, attr);
    ProcessRunner.Result cap =
        runner.run(List.of("getcap", root.resolve("usr/bin/tool").toString()));
    assertThat(String.join("\n", cap.output())).contains("cap_net_raw=ep");
    assertThat(XattrDump.read(root, tmp, attr))
        .containsOnlyKeys("usr/bin/tool")
        .containsEntry("usr/bin/tool", tool.xattrs());
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".dump"));
    }
  }
}
