package dev.ingot.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.Engine;
import dev.ingot.build.RunOptions;
import dev.ingot.build.RunResult;
import dev.ingot.build.plan.Masker;
import dev.ingot.build.plan.Plan;
import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.build.plan.PlannedPostProcessor;
import dev.ingot.build.ui.Ui;
import dev.ingot.oci.plugin.ContainerPostProcessor;
import dev.ingot.oci.plugin.OciPushPostProcessor;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.RegistryClient;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.oci.registry.TestRegistry;
import dev.ingot.pkg.deb.rootfs.Contexts;
import dev.ingot.pkg.deb.rootfs.DebianSource;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.scan.db.DbImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs debian → container → scan → oci-push against a real registry, with a planted
 * critical advisory (no fix) for the openssl source package: the gate fails the build and nothing
 * is pushed; with only_fixed, or with an ignore, the image is pushed. (Built as a plan in code: the
 * HCL template loader is not in yet.)
 */
@Tag("peer")
@Tag("slow")
class GateEndToEndTest {
  @TempDir Path tmp;

  @Test
  void aCriticalFindingStopsThePushAndOnlyFixedOrAnIgnoreLetsItThrough() throws Exception {
    Path osv = tmp.resolve("osv");
    Files.createDirectories(osv);
    Files.writeString(
        osv.resolve("PLANTED-1.json"),
        """
        {"id":"PLANTED-1","aliases":["CVE-2099-0001"],"summary":"planted critical in openssl",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
        """);
    Path db = tmp.resolve("db");
    new DbImport(db).run(osv.toString(), "auto", null, Instant.now());
    try (TestRegistry reg = TestRegistry.start(tmp.resolve("reg"), TestRegistry.Mode.PLAIN)) {
      RunResult failed = build(reg, db, Map.of(), "a");
      assertThat(failed.exitCode()).isNotZero();
      assertThat(failed.builds().get(0).error().orElse(""))
          .contains("scan policy failed")
          .contains("CVE-2099-0001 in libssl3");
      assertThat(tags(reg)).isEmpty();

      RunResult onlyFixed = build(reg, db, Map.of("only_fixed", true), "b");
      assertThat(onlyFixed.exitCode()).as(onlyFixed.toString()).isZero();
      assertThat(tags(reg)).containsExactly("v1");

      RunResult ignored =
          build(
              reg,
              db,
              Map.of("ignore", List.of(Map.of("id", "CVE-2099-0001", "reason", "planted"))),
              "c");
      assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
    }
  }

  private RunResult build(TestRegistry reg, Path db, Map<String, Object> scan, String dir)
      throws Exception {
    Path cwd = tmp.resolve(dir);
    Files.createDirectories(cwd);
    Map<String, Object> scanCfg = new HashMap<>(scan);
    scanCfg.put("database", db.toString());
    Config deb =
        Config.of(
            Map.of(
                "suites",
                List.of("bookworm", "bookworm-updates", "bookworm-security"),
                "packages",
                List.of("base-files", "libc6", "libssl3")));
    PlannedBuild b =
        PlannedBuild.of("base", new DebianSource(), deb)
            .withChains(
                List.of(
                    List.of(
                        PlannedPostProcessor.of(
                            new ContainerPostProcessor(),
                            Config.of(Map.of("formats", List.of("oci")))),
                        PlannedPostProcessor.of(new ScanPostProcessor(), Config.of(scanCfg)),
                        PlannedPostProcessor.of(
                            new OciPushPostProcessor(),
                            Config.of(
                                Map.of(
                                    "repository",
                                    reg.host() + "/team/app",
                                    "tags",
                                    List.of("v1"),
                                    "insecure",
                                    true))))));
    RunOptions d = RunOptions.defaults(cwd);
    RunOptions opts =
        new RunOptions(
            d.parallelBuilds(),
            d.onError(),
            true,
            cwd,
            Contexts.sharedMirrorCache(),
            false,
            1_700_000_000L,
            Map.of(),
            new LocalProcessRunner(),
            null);
    return new Engine(Plan.of(cwd, b), opts, new Ui(List.of(), Masker.NONE, Clock.systemUTC()))
        .run();
  }

  private static List<String> tags(TestRegistry reg) throws Exception {
    RegistryClient c =
        new RegistryClient(
            reg.host(),
            RegistrySettings.DEFAULTS.withInsecure(true),
            CredentialStore.fromEnv(Map.of(), new LocalProcessRunner()),
            new Cancellation());
    try {
      return c.tags("team/app");
    } catch (java.io.IOException e) {
      return List.of(); // the repository does not exist: nothing was pushed
    }
  }
}
