package dev.ingot.pkg.deb.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import dev.ingot.pkg.deb.Relation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {
  @TempDir Path tmp;

  @Test
  void readsBothFormatsInAptsOrder() throws Exception {
    Files.writeString(
        tmp.resolve("sources.list"),
        "# comment\ndeb [arch=amd64 signed-by=/k/a.gpg] http://127.0.0.1/debian/ stable main contrib\n"
            + "deb-src http://127.0.0.1/debian stable main\n");
    Files.createDirectories(tmp.resolve("sources.list.d"));
    Files.writeString(
        tmp.resolve("sources.list.d/b.sources"),
        """
        Types: deb
        # a comment inside
        URIs: http://127.0.0.1/security
        Suites: stable-security
        Components: main
        Signed-By: /k/b.gpg

        Types: deb
        URIs: http://127.0.0.1/off
        Suites: off
        Components: main
        Enabled: no
        """);
    Files.writeString(
        tmp.resolve("sources.list.d/c.list.disabled"), "deb http://127.0.0.1/x y main\n");
    List<AptSource> all = AptSources.load(tmp);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).uri().toString()).isEqualTo("http://127.0.0.1/debian");
    assertThat(all.get(0).components()).containsExactly("main", "contrib");
    assertThat(all.get(0).signedBy()).containsExactly("/k/a.gpg");
    assertThat(all.get(1).suites()).containsExactly("stable-security");
    assertThat(all.get(1).signedBy()).containsExactly("/k/b.gpg");
  }

  @Test
  void deb822KeepsContinuationLinesAndRoundTrips() {
    String text =
        "Package: a\nDescription: short\n long line\n .\n more\nDepends: b (>= 1) | c, d:any\n";
    Paragraph p = Deb822.parseOne(text);
    assertThat(p.get("description")).contains("short\n long line\n .\n more");
    assertThat(p.toString()).isEqualTo(text);
    List<List<Relation>> deps = Relation.parseField(p.require("Depends"));
    assertThat(deps).hasSize(2);
    assertThat(deps.get(0).get(0).op()).isEqualTo(Relation.Op.GE);
    assertThat(deps.get(1).get(0).archQualifier()).isEqualTo("any");
  }

  @Test
  void relationsDropArchListsAndProfilesButKeepVersions() {
    Relation r = Relation.parseField("foo (<< 2.0) [amd64] <!nocheck>").get(0).get(0);
    assertThat(r.toString()).isEqualTo("foo (<< 2.0)");
    assertThatThrownBy(() -> Relation.parseField("Foo_Bar"))
        .hasMessageContaining("bad package name");
  }

  @Test
  void releaseDatesAndChecksumsAreRead() {
    ReleaseFile r =
        ReleaseFile.parse(
            "Suite: stable\nCodename: x\nDate: Sat, 11 Jul 2026 10:16:37 UTC\n"
                + "Valid-Until: Mon, 7 Dec 2026 00:22:33 UTC\nSHA256:\n"
                + " "
                + "a".repeat(64)
                + " 12 main/binary-amd64/Packages\n",
            "Release");
    assertThat(r.validUntil().toString()).isEqualTo("2026-12-07T00:22:33Z");
    assertThat(r.file("main/binary-amd64/Packages").orElseThrow().size()).isEqualTo(12);
    assertThatThrownBy(() -> ReleaseFile.parse("Suite: s\nMD5Sum:\n 00 1 x\n", "R"))
        .hasMessageContaining("no SHA256");
  }
}
