package dev.ingot.scan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.scan.TestRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {
  @TempDir Path tmp;

  static final String STATUS =
      """
      Package: libssl3
      Status: install ok installed
      Priority: optional
      Architecture: amd64
      Multi-Arch: same
      Source: openssl
      Version: 3.0.11-1~deb12u2
      Depends: libc6 (>= 2.34)
      Description: Secure Sockets Layer toolkit - shared libraries
       This package is part of the OpenSSL project's implementation.

      Package: libc6
      Status: install ok installed
      Architecture: amd64
      Source: glibc
      Version: 2.36-9+deb12u4
      Depends: libgcc-s1
      Provides: libc6-amd64

      Package: removed-thing
      Status: deinstall ok config-files
      Architecture: amd64
      Version: 1.0-1

      Package: libgcc-s1
      Status: install ok installed
      Architecture: amd64
      Source: gcc-12 (12.2.0-14)
      Version: 12.2.0-14
      Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.35)

      Package: tzdata
      Status: install ok installed
      Architecture: all
      Version: 2024a-0+deb12u1
      Depends: debconf (>= 0.5) | debconf-2.0
      """;

  @Test
  void readsDpkgStatusWithSourcesAndDependencies() throws Exception {
    TestRoots r =
        new TestRoots(tmp.resolve("blobs")).debian12().file("var/lib/dpkg/status", STATUS);
    Inventory inv = new InventoryReader().read(PackageSource.of(r.view()));
    assertThat(inv.os().shortName()).isEqualTo("debian-12");
    assertThat(inv.os().codename()).isEqualTo("bookworm");
    assertThat(inv.format()).isEqualTo("deb");
    assertThat(inv.packages())
        .extracting(InstalledPackage::name)
        .containsExactly("libc6", "libgcc-s1", "libssl3", "tzdata");
    InstalledPackage ssl = inv.packages().get(2);
    assertThat(ssl.sourceName()).isEqualTo("openssl");
    assertThat(ssl.sourceVersion()).isEqualTo("3.0.11-1~deb12u2");
    InstalledPackage gcc = inv.packages().get(1);
    assertThat(gcc.sourceName()).isEqualTo("gcc-12");
    assertThat(gcc.sourceVersion()).isEqualTo("12.2.0-14");
    InstalledPackage tz = inv.packages().get(3);
    assertThat(tz.sourceName()).isEqualTo("tzdata");
    assertThat(inv.dependsOn().get("libssl3")).containsExactly("libc6");
    // gcc-12-base is not installed: the edge is dropped rather than invented.
    assertThat(inv.dependsOn().get("libgcc-s1")).containsExactly("libc6");
    assertThat(inv.dependsOn().get("tzdata")).isEmpty();
  }

  @Test
  void readsDistrolessStatusD() throws Exception {
    TestRoots r =
        new TestRoots(tmp.resolve("blobs"))
            .debian12()
            .file(
                "var/lib/dpkg/status.d/base-files",
                "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n")
            .file("var/lib/dpkg/status.d/base-files.md5sums", "abc  etc/debian_version\n")
            .file(
                "var/lib/dpkg/status.d/libssl3",
                "Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n"
                    + "Source: openssl\n");
    Inventory inv = new InventoryReader().read(PackageSource.of(r.view()));
    assertThat(inv.packages())
        .extracting(p -> p.name() + " " + p.version() + " " + p.sourceName())
        .containsExactly("base-files 12.4+deb12u5 base-files", "libssl3 3.0.11-1~deb12u2 openssl");
    assertThat(inv.warnings()).isEmpty();
  }

  @Test
  void packagesIngotInstalledKeepRepositoryHashAndSuite() throws Exception {
    TestRoots r =
        new TestRoots(tmp.resolve("blobs")).debian12().file("var/lib/dpkg/status", STATUS);
    InstalledPackage known =
        new InstalledPackage(
            "libssl3",
            "3.0.11-1~deb12u2",
            "amd64",
            "openssl",
            null,
            "ab".repeat(32),
            "debian-security",
            "bookworm-security");
    RootFs fs = new RootFs(r.tree(), r.blobs(), List.of(known), "system", "amd64", "debian-12");
    Inventory inv = new InventoryReader().read(PackageSource.of(fs));
    InstalledPackage ssl =
        inv.packages().stream().filter(p -> p.name().equals("libssl3")).findFirst().orElseThrow();
    assertThat(ssl.sha256()).isEqualTo("ab".repeat(32));
    assertThat(ssl.suite()).isEqualTo("bookworm-security");
    assertThat(ssl.repository()).isEqualTo("debian-security");
    assertThat(inv.packages()).hasSize(4);
  }

  @Test
  void emptyRootSaysSo() throws Exception {
    Files.createDirectories(tmp.resolve("root"));
    Inventory inv = new InventoryReader().read(PackageSource.of(tmp.resolve("root")));
    assertThat(inv.packages()).isEmpty();
    assertThat(inv.os().isKnown()).isFalse();
    assertThat(inv.warnings()).singleElement().asString().contains("no package database");
  }

  @Test
  void symlinkEscapesStayInsideTheRoot() throws Exception {
    Path outside = tmp.resolve("outside");
    Files.writeString(outside, "ID=evil\n");
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../../../../" + outside));
    Inventory inv = new InventoryReader().read(PackageSource.of(root));
    assertThat(inv.os().id()).isNotEqualTo("evil");
  }

  /** This machine's own dpkg database, read as a directory root, against dpkg-query's answer. */
  @Test
  @Tag("peer")
  void matchesDpkgQueryOnThisMachine() throws Exception {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("var/lib/dpkg"));
    Files.createDirectories(root.resolve("etc"));
    Files.copy(Path.of("/var/lib/dpkg/status"), root.resolve("var/lib/dpkg/status"));
    Files.copy(Path.of("/etc/os-release"), root.resolve("etc/os-release"));
    Inventory inv = new InventoryReader().read(PackageSource.of(root));

    ProcessRunner.Result r =
        new LocalProcessRunner()
            .run(
                List.of(
                    "dpkg-query",
                    "-W",
                    "-f",
                    "${db:Status-Status} ${Package} ${Version} ${Architecture} ${source:Package}"
                        + " ${source:Version}\\n"));
    assertThat(r.ok()).as("dpkg-query output: %s", r.output()).isTrue();
    Set<String> expected =
        r.output().stream()
            .filter(l -> l.startsWith("installed "))
            .map(l -> l.substring("installed ".length()))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> actual =
        inv.packages().stream()
            .map(
                p ->
                    p.name()
                        + " "
                        + p.version()
                        + " "
                        + p.architecture()
                        + " "
                        + p.sourceName()
                        + " "
                        + p.sourceVersion())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(actual).isEqualTo(expected);
    assertThat(inv.os().shortName()).isNotEmpty();
  }
}
