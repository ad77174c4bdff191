package dev.ingot.build.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanChecksTest {
  private static final Range AT = new Range("t.pkr.hcl", new Pos(3, 5, 20), new Pos(3, 9, 24));

  private static PlannedPostProcessor pp(TestPlugins.Post p) {
    return new PlannedPostProcessor(p.type(), "", p, Config.of(Map.of()), false, AT);
  }

  @Test
  void postProcessorThatCannotTakeTheArtifactIsReportedAtItsBlock() {
    var containerOnly = new TestPlugins.Post("oci-push", Set.of(RootFs.class), Artifact.class);
    PlannedBuild b =
        PlannedBuild.of("x", TestPlugins.rootfsSource(), Config.of(Map.of()))
            .withChains(List.of(List.of(pp(TestPlugins.disk()), pp(containerOnly))));
    List<Diagnostic> ds = PlanValidator.validate(Plan.of(Path.of("."), b)).all();
    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).summary())
        .isEqualTo("Post-processor \"oci-push\" cannot take a disk image (DiskImage)");
    assertThat(ds.get(0).detail()).contains("debian.x").contains("root filesystem (RootFs)");
    assertThat(ds.get(0).subject()).isEqualTo(AT);
  }

  @Test
  void matchingChainAndUnknownTypesPass() {
    var anyIn = new TestPlugins.Post("manifest", Set.of(), Artifact.class);
    var unknownSource = new TestPlugins.Source("mystery", Artifact.class, false);
    PlannedBuild ok =
        PlannedBuild.of("x", TestPlugins.rootfsSource(), Config.of(Map.of()))
            .withChains(List.of(List.of(pp(TestPlugins.disk()), pp(anyIn))));
    PlannedBuild unknown =
        PlannedBuild.of("y", unknownSource, Config.of(Map.of()))
            .withChains(List.of(List.of(pp(TestPlugins.disk()))));
    assertThat(PlanValidator.validate(Plan.of(Path.of("."), ok, unknown)).all()).isEmpty();
  }

  @Test
  void provisionerNeedingACommunicatorOnANullSourceIsAnError() {
    var nullSource = new TestPlugins.Source("null", NoArtifact.class, false);
    var shell = new TestPlugins.Prov("shell", true);
    var local = new TestPlugins.Prov("shell-local", false);
    PlannedBuild b =
        PlannedBuild.of("x", nullSource, Config.of(Map.of()))
            .withProvisioners(
                List.of(
                    PlannedProvisioner.of(local, Config.of(Map.of())),
                    new PlannedProvisioner(
                        "shell", shell, Config.of(Map.of()), null, 0, null, AT)));
    List<Diagnostic> ds = PlanValidator.validate(Plan.of(Path.of("."), b)).all();
    assertThat(ds)
        .extracting(Diagnostic::summary)
        .containsExactly("Provisioner \"shell\" needs a communicator");
    assertThat(ds.get(0).subject()).isEqualTo(AT);
  }

  @Test
  void registryFindsByTypeAndSuggests() {
    PluginRegistry r =
        PluginRegistry.of(
            List.of(TestPlugins.rootfsSource(), new TestPlugins.Prov("shell-local", false)));
    assertThat(r.source("debian", AT).plugin()).isPresent();
    var miss = r.source("debain", AT);
    assertThat(miss.plugin()).isEmpty();
    Diagnostic d = miss.diagnostic().orElseThrow();
    assertThat(d.summary()).isEqualTo("Unknown source type \"debain\"");
    assertThat(d.detail()).contains("Did you mean \"debian\"?");
    assertThat(r.provisioner("ansible", AT).diagnostic().orElseThrow().detail())
        .doesNotContain("Did you mean");
    assertThat(r.types(PluginRegistry.Kind.PROVISIONER)).containsExactly("shell-local");
  }

  @Test
  void builtInRegistryLoadsThroughServiceLoader() {
    PluginRegistry r = PluginRegistry.load(getClass().getClassLoader());
    assertThat(r.types(PluginRegistry.Kind.SOURCE)).isNotNull();
  }

  @Test
  void duplicateBuildNamesAreRejected() {
    PlannedBuild b = PlannedBuild.of("x", TestPlugins.rootfsSource(), Config.of(Map.of()));
    assertThatThrownBy(() -> Plan.of(Path.of("."), b, b))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outputDirDefaultsUnderOutput() {
    Path cwd = Path.of("/w");
    PlannedBuild b = PlannedBuild.of("x", TestPlugins.rootfsSource(), Config.of(Map.of()));
    assertThat(b.outputDir(cwd)).isEqualTo(Path.of("/w/output/debian.x"));
    PlannedBuild c =
        PlannedBuild.of(
            "x", TestPlugins.rootfsSource(), Config.of(Map.of("output_directory", "out/a")));
    assertThat(c.outputDir(cwd)).isEqualTo(Path.of("/w/out/a"));
    assertThat(DiskImage.class).isNotNull();
  }

  @Test
  void eachPluginsOwnChecksRunAtValidate() {
    var nullSource = new dev.ingot.provision.NullSource();
    PlannedBuild b =
        PlannedBuild.of("x", nullSource, Config.of(Map.of("communicator", "ssh")))
            .withProvisioners(
                List.of(
                    PlannedProvisioner.of(
                        new dev.ingot.provision.ShellLocalProvisioner(), Config.of(Map.of())),
                    PlannedProvisioner.of(
                        new dev.ingot.provision.ShellLocalProvisioner(),
                        Config.of(
                            Map.of(
                                "inline", List.of("x"), "environment_vars", List.of("NOEQUALS"))))))
            .withChains(
                List.of(
                    List.of(
                        PlannedPostProcessor.of(
                            new dev.ingot.publish.CompressPostProcessor(),
                            Config.of(Map.of("output", "x.rar"))),
                        PlannedPostProcessor.of(
                            new dev.ingot.publish.ChecksumPostProcessor(),
                            Config.of(Map.of("checksum_types", List.of("crc32")))))));
    assertThat(PlanValidator.validate(Plan.of(Path.of("."), b)).all())
        .extracting(Diagnostic::summary)
        .contains(
            "Unsupported communicator \"ssh\" for the null source",
            "Nothing to run",
            "Bad environment variable \"NOEQUALS\"",
            "Unknown compression format for x.rar",
            "Unknown checksum type \"crc32\"");
  }
}
