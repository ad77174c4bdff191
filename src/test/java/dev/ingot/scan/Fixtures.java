package dev.ingot.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The advisory fixture sets the scan tests share, written as real feeds would be (OSV records and a
 * Debian security tracker export) against real Debian 12 package versions, and a root filesystem
 * with those packages installed.
 */
public final class Fixtures {
  private Fixtures() {}

  /** dpkg status of a small Debian 12 root. */
  public static final String STATUS =
      """
      Package: libssl3
      Status: install ok installed
      Architecture: amd64
      Source: openssl
      Version: 3.0.11-1~deb12u2
      Depends: libc6 (>= 2.34)

      Package: openssl
      Status: install ok installed
      Architecture: amd64
      Version: 3.0.11-1~deb12u2
      Depends: libc6 (>= 2.34), libssl3 (>= 3.0.9)

      Package: zlib1g
      Status: install ok installed
      Architecture: amd64
      Source: zlib
      Version: 1:1.2.13.dfsg-1
      Depends: libc6 (>= 2.14)

      Package: libc6
      Status: install ok installed
      Architecture: amd64
      Source: glibc
      Version: 2.36-9+deb12u4

      Package: perl-base
      Status: install ok installed
      Architecture: amd64
      Source: perl
      Version: 5.36.0-7+deb12u1
      Pre-Depends: libc6 (>= 2.35)

      Package: tar
      Status: install ok installed
      Architecture: amd64
      Version: 1.34+dfsg-1.2+deb12u1
      Pre-Depends: libc6 (>= 2.34)

      Package: curl
      Status: install ok installed
      Architecture: amd64
      Version: 7.88.1-10+deb12u5
      Depends: libc6 (>= 2.34), zlib1g (>= 1:1.1.4), libssl3 (>= 3.0.0)
      """;

  /** A root filesystem with {@link #STATUS} and a Debian 12 os-release. */
  public static TestRoots debianRoot(Path blobs) {
    return new TestRoots(blobs).debian12().file("var/lib/dpkg/status", STATUS);
  }

  /** Writes the OSV fixture set into {@code dir} (one file per record) and returns it. */
  public static Path osv(Path dir) throws IOException {
    Files.createDirectories(dir);
    // Fixed after the installed version: libssl3's source openssl 3.0.11-1~deb12u2 is affected.
    record(
        dir,
        "DSA-5000-1",
        """
        {"schema_version":"1.6.0","id":"DSA-5000-1","modified":"2024-02-01T00:00:00Z",
         "aliases":["CVE-2024-0001"],"summary":"openssl: buffer overflow in X.509 parsing",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "references":[{"type":"ADVISORY","url":"https://example.invalid/DSA-5000-1"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl",
           "purl":"pkg:deb/debian/openssl?arch=source"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.13-1~deb12u1"}]}]}]}
        """);
    // Fixed before the installed version (a ~ revision sorts below the release it precedes).
    record(
        dir,
        "DSA-5001-1",
        """
        {"id":"DSA-5001-1","modified":"2023-10-01T00:00:00Z","aliases":["CVE-2023-0002"],
         "summary":"openssl: fixed long ago",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1~deb12u1"}]}]}]}
        """);
    // "~": 3.0.11-1~deb12u2 sorts BEFORE 3.0.11-1, so a fix in 3.0.11-1 is not yet installed.
    record(
        dir,
        "DEBIAN-CVE-2023-0003",
        """
        {"id":"DEBIAN-CVE-2023-0003","upstream":["CVE-2023-0003"],"summary":"openssl: tilde",
         "severity":[{"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1"}]}]}]}
        """);
    // Epochs: zlib 1:1.2.13 is newer than any epoch-0 version, so a fix in 1.2.14 is installed…
    record(
        dir,
        "DEBIAN-CVE-2023-0004",
        """
        {"id":"DEBIAN-CVE-2023-0004","aliases":["CVE-2023-0004"],"summary":"zlib: epoch 0 fix",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"zlib"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.14-1"}]}]}]}
        """);
    // …but a fix in 1:1.3.dfsg-1 is not.
    record(
        dir,
        "DEBIAN-CVE-2023-45853",
        """
        {"id":"DEBIAN-CVE-2023-45853","aliases":["CVE-2023-45853"],
         "summary":"zlib: integer overflow in zipOpenNewFileInZip4_64",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"zlib"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1:1.3.dfsg-1"}]}]}]}
        """);
    // last_affected: perl 5.36.0-7+deb12u1 is the last affected version (included)…
    record(
        dir,
        "DEBIAN-CVE-2023-0006",
        """
        {"id":"DEBIAN-CVE-2023-0006","aliases":["CVE-2023-0006"],"summary":"perl: last affected",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"perl"},
           "ecosystem_specific":{"urgency":"medium"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"5.30.0-1"},{"last_affected":"5.36.0-7+deb12u1"}]}]}]}
        """);
    // …and 5.36.0-7 is below the installed version, so this one does not match.
    record(
        dir,
        "DEBIAN-CVE-2023-0007",
        """
        {"id":"DEBIAN-CVE-2023-0007","aliases":["CVE-2023-0007"],"summary":"perl: before",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"perl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"5.36.0-7"}]}]}]}
        """);
    // A binary package name in a Debian ecosystem never matches: OSV's Debian names are sources.
    record(
        dir,
        "DEBIAN-CVE-2023-0008",
        """
        {"id":"DEBIAN-CVE-2023-0008","summary":"named after the binary package",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"libssl3"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    // An ecosystem Ingot cannot match is skipped at import.
    record(
        dir,
        "FOO-2023-0009",
        """
        {"id":"FOO-2023-0009","summary":"other ecosystem",
         "affected":[{"package":{"ecosystem":"FooOS:1","name":"openssl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    // Another release (Debian 11) does not apply to a Debian 12 root.
    record(
        dir,
        "DLA-3000-1",
        """
        {"id":"DLA-3000-1","aliases":["CVE-2023-0010"],"summary":"bullseye only",
         "affected":[{"package":{"ecosystem":"Debian:11","name":"tar"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    // Explicit versions list: curl 7.88.1-10+deb12u5 is listed.
    record(
        dir,
        "DEBIAN-CVE-2024-0011",
        """
        {"id":"DEBIAN-CVE-2024-0011","aliases":["CVE-2024-0011"],"summary":"curl: listed version",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"curl"},
           "versions":["7.88.1-10+deb12u4","7.88.1-10+deb12u5"]}]}
        """);
    // The tracker says bookworm is not affected by this one (see tracker()): it is suppressed.
    record(
        dir,
        "DEBIAN-CVE-2024-0012",
        """
        {"id":"DEBIAN-CVE-2024-0012","aliases":["CVE-2024-0012"],"summary":"tar: not in bookworm",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"tar"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    record(
        dir,
        "WITHDRAWN-1",
        """
        {"id":"WITHDRAWN-1","withdrawn":"2024-01-01T00:00:00Z","summary":"withdrawn",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"curl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    return dir;
  }

  /** Writes the Debian security tracker fixture (the export's shape) and returns the file. */
  public static Path tracker(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        {
          "glibc": {
            "CVE-2010-4756": {"description": "glob: CPU exhaustion", "scope": "remote",
              "releases": {"bookworm": {"status": "open", "repositories": {"bookworm": "2.36-9+deb12u4"},
                "urgency": "unimportant"}}},
            "CVE-2024-0020": {"description": "glibc: minor issue", "releases": {
              "bookworm": {"status": "open", "urgency": "low", "nodsa": "Minor issue",
                "nodsa_reason": "postponed"},
              "sid": {"status": "resolved", "fixed_version": "2.37-1", "urgency": "low"}}},
            "CVE-2024-0021": {"description": "glibc: will not fix", "releases": {
              "bookworm": {"status": "open", "urgency": "low", "nodsa": "Minor issue",
                "nodsa_reason": "ignored"}}},
            "CVE-2024-0022": {"description": "glibc: fixed in a point release", "releases": {
              "bookworm": {"status": "resolved", "fixed_version": "2.36-9+deb12u7",
                "urgency": "high"}}},
            "CVE-2024-0023": {"description": "glibc: not settled", "releases": {
              "bookworm": {"status": "undetermined", "urgency": "not yet assigned"}}}
          },
          "tar": {
            "CVE-2024-0012": {"description": "tar: not in bookworm", "releases": {
              "bookworm": {"status": "resolved", "fixed_version": "0", "urgency": "not yet assigned"}}},
            "CVE-2005-2541": {"description": "tar: setuid warning", "releases": {
              "bookworm": {"status": "open", "urgency": "unimportant", "nodsa": "",
                "nodsa_reason": ""}}}
          },
          "perl": {
            "CVE-2023-0030": {"description": "perl: no-dsa, still fixable", "releases": {
              "bookworm": {"status": "open", "urgency": "medium**", "nodsa": "Minor issue",
                "nodsa_reason": ""}}}
          },
          "curl": {
            "CVE-2024-0040": {"description": "curl: old release unsupported", "releases": {
              "buster": {"status": "open", "urgency": "end-of-life"}}}
          }
        }
        """);
    return file;
  }

  private static void record(Path dir, String id, String json) throws IOException {
    Files.writeString(dir.resolve(id + ".json"), json);
  }
}
