package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.artifact.InstalledPackage;
import dev.ingot.artifact.RootFs;
import dev.ingot.pkg.deb.rootfs.Contexts;
import dev.ingot.pkg.deb.rootfs.DebianSource;
import dev.ingot.plugin.Config;
import dev.ingot.scan.harden.CheckResult;
import dev.ingot.scan.harden.Hardening;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.InventoryReader;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.sbom.CycloneDxWriter;
import dev.ingot.scan.sbom.SbomInput;
import dev.ingot.scan.sbom.SpdxWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distroless root filesystem built by the debian source from the host's configured mirror: the
 * scanner's inventory (read back from status.d) equals the resolver's package list, SBOMs of it
 * validate, and the hardening baseline runs on it.
 */
@Tag("peer")
@Tag("slow")
class RealRootFsScanTest {
  @TempDir Path tmp;

  @Test
  void inventoryOfABuiltImageEqualsTheResolversList() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "suites",
                List.of("bookworm", "bookworm-updates", "bookworm-security"),
                "packages",
                List.of("base-files", "netbase", "tzdata", "ca-certificates", "libc6", "libssl3")));
    RootFs fs =
        (RootFs)
            new DebianSource()
                .build(
                    c,
                    Contexts.of(
                        tmp, Contexts.sharedMirrorCache(), false, new Contexts.Recording()));
    PackageSource src = PackageSource.of(fs);
    Inventory inv = new InventoryReader().read(src);
    assertThat(inv.warnings()).isEmpty();
    assertThat(inv.os().shortName()).isEqualTo("debian-12");
    assertThat(keys(inv.packages())).isEqualTo(keys(fs.packages()));
    // Read back from the tree alone (as from a pulled image), the names and versions still match.
    Inventory fromTree = new InventoryReader().read(PackageSource.of(src.root()));
    assertThat(fromTree.packages())
        .extracting(p -> p.name() + " " + p.version() + " " + p.architecture())
        .containsExactlyInAnyOrderElementsOf(
            fs.packages().stream()
                .map(p -> p.name() + " " + p.version() + " " + p.architecture())
                .toList());

    SbomInput in =
        new SbomInput(
            "distroless",
            "",
            "operating-system",
            inv,
            SbomInput.readLicenses(src.root(), inv),
            Instant.ofEpochSecond(1_700_000_000L),
            "0.1.0");
    assertThat(in.licenses()).isNotEmpty();
    String cdx = CycloneDxWriter.write(in);
    assertThat(new JsonParser().validate(cdx.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .isEmpty();
    assertThat(SpdxSchema.load().validate(new ObjectMapper().readTree(SpdxWriter.write(in))))
        .isEmpty();

    List<CheckResult> checks = Hardening.run(src.root(), List.of("baseline"));
    Map<String, CheckResult.Status> st =
        checks.stream().collect(Collectors.toMap(r -> r.check().id(), CheckResult::status));
    assertThat(st.get("files.tmp-sticky")).isEqualTo(CheckResult.Status.PASS);
    assertThat(st.get("accounts.uid0")).isEqualTo(CheckResult.Status.PASS);
    assertThat(st.get("ssh.permit-root-login")).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
  }

  private static Set<String> keys(List<InstalledPackage> pkgs) {
    return pkgs.stream()
        .map(
            p ->
                String.join(
                    " ",
                    p.name(),
                    p.version(),
                    String.valueOf(p.architecture()),
                    p.sourceName(),
                    p.sourceVersion(),
                    String.valueOf(p.sha256()),
                    String.valueOf(p.repository()),
                    String.valueOf(p.suite())))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
