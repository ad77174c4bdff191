package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.cli.CliTestSupport;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.oci.registry.TestRegistry;
import dev.ingot.pkg.deb.FixtureRepo;
import dev.ingot.pkg.deb.FixtureRepo.Pkg;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security gate through a real template and {@code ingot build}: a distroless root from a
 * signed fixture repository on loopback (a Debian 12 os-release and libssl3 built from the openssl
 * source), {@code container} → {@code scan} → {@code oci-push} to a real docker-registry on
 * loopback, and an advisory database imported by {@code ingot db import} with a planted critical
 * advisory (no fix) for openssl. The gate fails the build, nothing is pushed, the reports stay in
 * the output directory and the image does not; with {@code only_fixed} or an {@code ignore} block
 * the same template pushes the image. No network beyond loopback.
 */
@Tag("peer")
class GateTemplateTest {
  @TempDir static Path tmp;
  static FixtureRepo fx;
  static URI mirror;
  static TestRegistry reg;
  static final Map<String, String> ENV =
      Map.of("SOURCE_DATE_EPOCH", "1700000000", "HOME", "/nonexistent");

  static final String PLANTED =
      """
      {"id":"PLANTED-1","aliases":["CVE-2099-0001"],"summary":"planted critical in openssl",
       "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
       "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
         "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
      """;

  @BeforeAll
  static void setUp() throws Exception {
    fx = new FixtureRepo(tmp.resolve("fx"));
    fx.publish(
        "bookworm",
        List.of(
            Pkg.of("base-files", "12.4+deb12u5")
                .file(
                    "usr/lib/os-release",
                    "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                .file("etc/os-release", "->../usr/lib/os-release"),
            Pkg.of("libssl3", "3.0.11-1~deb12u2")
                .with("Source", "openssl")
                .file("usr/lib/x86_64-linux-gnu/libssl.so.3", "not really a library")));
    mirror = fx.serve();
    reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN);
    Path osv = tmp.resolve("osv");
    Files.createDirectories(osv);
    Files.writeString(osv.resolve("PLANTED-1.json"), PLANTED);
    CliTestSupport.Run imp =
        CliTestSupport.run(tmp, ENV, "db", "import", osv.toString(), "--db", "db");
    assertThat(imp.exitCode()).as(imp.err()).isZero();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (reg != null) {
      reg.close();
    }
    if (fx != null) {
      fx.close();
    }
  }

  /** A template whose scan block has {@code scanBody} and whose image gets tag {@code tag}. */
  static String template(String scanBody, String tag, String buildExtra) {
    return """
        source "debian" "base" {
          mirror   = "%s"
          keyring  = "%s"
          suites   = ["bookworm"]
          variant  = "distroless"
          packages = ["base-files", "libssl3"]
        }

        build {
          name    = "gate"
          sources = ["source.debian.base"]
          %s

          post-processors {
            post-processor "container" {
              formats = ["oci", "oci-archive"]
            }
            post-processor "scan" {
              database = "%s"
              fail_on  = "critical"
              %s
            }
            post-processor "oci-push" {
              repository = "%s/team/app"
              tags       = ["%s"]
              insecure   = true
              keep_input_artifact = true
            }
          }
        }
        """
        .formatted(mirror, fx.keyring, buildExtra, tmp.resolve("db"), scanBody, reg.host(), tag);
  }

  static CliTestSupport.Run build(Path dir, String template) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("gate.pkr.hcl"), template);
    return CliTestSupport.run(
        dir,
        ENV,
        "build",
        "-color=false",
        "--cache-dir",
        tmp.resolve("cache").toString(),
        "gate.pkr.hcl");
  }

  @Test
  void aPlantedCriticalFailsTheBuildKeepsTheReportsAndPushesNothing() throws Exception {
    Path dir = tmp.resolve("fail");
    CliTestSupport.Run r = build(dir, template("", "v-fail", ""));
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    Path out = dir.resolve("output").resolve("gate.debian.base");
    String all = r.out() + r.err();
    assertThat(all)
        .contains("scan policy failed")
        .contains("critical CVE-2099-0001 in libssl3 3.0.11-1~deb12u2 (no fix yet)")
        .contains(out.resolve("scan-report.txt").toAbsolutePath().toString());
    assertThat(tags()).doesNotContain("v-fail");
    // The reports that explain the failure stay; the half-made image outputs do not.
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "scan-report.txt",
              "scan-report.json",
              "scan-report.sarif",
              "scan-report.html",
              ".ingot-failed-build");
    }
    assertThat(Files.readString(out.resolve("scan-report.txt")))
        .contains("CVE-2099-0001")
        .contains("FAILED");
    assertThat(Files.readString(out.resolve("scan-report.json"))).contains("\"passed\" : false");

    // Fixed, the same build in the same directory runs without -force: what the failure left
    // there is reports, which the new build replaces.
    CliTestSupport.Run again = build(dir, template("only_fixed = true", "v-after-fail", ""));
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out() + again.err()).contains("Replacing the reports the last failed build");
    assertThat(out.resolve("oci-archive.tar")).exists();
    assertThat(out.resolve(".ingot-failed-build")).doesNotExist();
    assertThat(tags()).contains("v-after-fail");
  }

  @Test
  void onlyFixedLetsTheSameTemplatePush() throws Exception {
    CliTestSupport.Run r =
        build(tmp.resolve("fixed"), template("only_fixed = true", "v-fixed", ""));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(tags()).contains("v-fixed");
  }

  @Test
  void anIgnoreWithAReasonLetsTheSameTemplatePush() throws Exception {
    String ignore =
        """
        ignore {
                id      = "CVE-2099-0001"
                package = "openssl"
                until   = "2099-12-31"
                reason  = "planted by the test"
              }
        """;
    CliTestSupport.Run r = build(tmp.resolve("ignored"), template(ignore, "v-ignored", ""));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(tags()).contains("v-ignored");
    Path out = tmp.resolve("ignored").resolve("output").resolve("gate.debian.base");
    assertThat(Files.readString(out.resolve("scan-report.txt"))).contains("ignored");
    assertThat(Files.readString(out.resolve("scan-report.json"))).contains("planted by the test");
    assertThat(out.resolve("oci-archive.tar")).exists();
  }

  @Test
  void sbomTrueOnTheBuildWritesBothSbomsBesideTheImage() throws Exception {
    Path dir = tmp.resolve("sbom");
    CliTestSupport.Run r = build(dir, template("only_fixed = true", "v-sbom", "sbom = true"));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    Path out = dir.resolve("output").resolve("gate.debian.base");
    assertThat(out.resolve("oci-archive.tar")).exists();
    assertThat(Files.readString(out.resolve("sbom.cdx.json")))
        .contains("CycloneDX")
        .contains("pkg:deb/debian/libssl3@");
    assertThat(Files.readString(out.resolve("sbom.spdx.json"))).contains("SPDX-2.3");
    // Without the attribute no SBOM is written.
    Path plain = tmp.resolve("fixed").resolve("output").resolve("gate.debian.base");
    if (Files.isDirectory(plain)) {
      assertThat(plain.resolve("sbom.cdx.json")).doesNotExist();
    }
  }

  @Test
  void sbomOfTheWrongTypeIsADiagnosticAtItsPlace() throws Exception {
    Path dir = tmp.resolve("badsbom");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("gate.pkr.hcl"), template("", "v-bad", "sbom = [\"yes\"]"));
    CliTestSupport.Run r = CliTestSupport.run(dir, ENV, "validate", "gate.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Unsuitable value type").contains("a bool is required");
    assertThat(r.err()).contains("gate.pkr.hcl line 12");
  }

  static List<String> tags() throws Exception {
    try (RegistryClient c =
        new RegistryClient(
            reg.host(),
            RegistrySettings.DEFAULTS.withInsecure(true),
            CredentialStore.fromEnv(Map.of(), new LocalProcessRunner()),
            new Cancellation())) {
      return c.tags("team/app");
    } catch (java.io.IOException e) {
      return List.of(); // the repository does not exist: nothing was pushed
    }
  }
}
