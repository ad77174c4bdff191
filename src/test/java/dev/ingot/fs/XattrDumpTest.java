package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The attr tools' dump format, planned and parsed as pure code. */
class XattrDumpTest {
  /** security.capability of "setcap cap_net_raw+ep": revision 2, effective, bit 13 permitted. */
  static final String CAP =
      new String(
          HexFormat.of().parseHex("0100000200200000000000000000000000000000"),
          StandardCharsets.ISO_8859_1);

  static SortedMap<String, String> attrs(String... kv) {
    SortedMap<String, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static FileTree tree() {
    return FileTree.builder()
        .put(FileEntry.directory("", 0755, 0, 0, 0))
        .put(FileEntry.directory("usr", 0755, 0, 0, 0))
        .put(
            FileEntry.file("usr/ping", 0755, 0, 0, 0, 0, null)
                .withXattrs(attrs("security.capability", CAP)))
        .put(FileEntry.hardlink("usr/ping2", "usr/ping", 0755, 0, 0, 0))
        .put(
            FileEntry.file("usr/a\\b=c\nd é", 0644, 0, 0, 0, 0, null)
                .withXattrs(attrs("user.k", "v=1\n")))
        .put(FileEntry.file("usr/plain", 0644, 0, 0, 0, 0, null))
        .build();
  }

  @Test
  void aDumpParsesBackToTheSameAttributes() {
    Path root = Path.of("/tmp/r oot");
    String dump = XattrDump.dump(tree(), root);
    assertThat(dump)
        .contains("# file: /tmp/r oot/usr/ping\nsecurity.capability=0x0100000200200000")
        .doesNotContain("ping2")
        .doesNotContain("plain");
    Map<String, SortedMap<String, String>> back = XattrDump.parse(dump, root);
    assertThat(back)
        .containsOnlyKeys("usr/ping", "usr/a\\b=c\nd é")
        .containsEntry("usr/ping", attrs("security.capability", CAP))
        .containsEntry("usr/a\\b=c\nd é", attrs("user.k", "v=1\n"));
  }

  @Test
  void attachSetsAttributesOnPathsButNotOnHardLinks() {
    FileTree bare = tree().map(e -> e.withXattrs(null));
    FileTree t =
        XattrDump.attach(
            bare,
            Map.of(
                "usr/ping", attrs("security.capability", CAP),
                "usr/ping2", attrs("security.capability", CAP)));
    assertThat(t.get("usr/ping").orElseThrow().xattrs()).containsEntry("security.capability", CAP);
    assertThat(t.get("usr/ping2").orElseThrow().xattrs()).isEmpty();
    assertThat(XattrDump.attach(bare, Map.of())).isSameAs(bare);
  }

  @Test
  void getfattrOutputWithEscapesAndOtherEncodingsIsRead() {
    String out =
        "# file: /r\n"
            + "user.root=0s"
            + java.util.Base64.getEncoder().encodeToString("x".getBytes())
            + "\n\n"
            + "# file: /r/lib/systemd/system-systemd\\\\x2dfsck.slice\n"
            + "user.t=\"a\\012b\"\n"
            + "user.empty\n\n";
    assertThat(XattrDump.parse(out, Path.of("/r")))
        .containsEntry("", attrs("user.root", "x"))
        .containsEntry(
            "lib/systemd/system-systemd\\x2dfsck.slice", attrs("user.t", "a\nb", "user.empty", ""));
  }

  @Test
  void pathsOutsideTheRootOrAttributesWithoutAFileAreRefused() {
    assertThatThrownBy(() -> XattrDump.parse("# file: /etc/passwd\nuser.a=0x00\n", Path.of("/r")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside /r");
    assertThatThrownBy(() -> XattrDump.parse("user.a=0x00\n", Path.of("/r")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTreeWithoutAttributesRunsNothing() throws Exception {
    FileTree bare = tree().map(e -> e.withXattrs(null));
    XattrDump.write(
        bare,
        Path.of("/nonexistent"),
        Path.of("/nonexistent"),
        cmd -> {
          throw new AssertionError("ran " + cmd);
        });
  }
}
