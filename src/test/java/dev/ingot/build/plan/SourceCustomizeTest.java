package dev.ingot.build.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code customize} block inside a source block: planned as the customize post-processor. */
class SourceCustomizeTest {
  @TempDir Path dir;

  static final PluginRegistry PLUGINS =
      PluginRegistry.load(SourceCustomizeTest.class.getClassLoader());

  private TemplatePlans.Outcome plan(String template) throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), template);
    return TemplatePlans.load(
        LoadRequest.of("t.pkr.hcl", dir, TemplateLoader.PACKER_VERSION), PLUGINS, BuildFilter.ALL);
  }

  @Test
  void theSourcesBlockAndTheBuildsOverrideAreAppliedInOrder() throws Exception {
    TemplatePlans.Outcome o =
        plan(
            """
            source "oci" "app" {
              base = "oci-layout:base:v1"
              customize {
                hostname = "web1"
                users {
                  name   = "admin"
                  groups = ["sudo"]
                }
              }
            }

            build {
              sources = ["source.oci.app"]
              source "source.oci.app" {
                name = "second"
                customize {
                  timezone = "Europe/Berlin"
                }
              }
            }
            """);
    assertThat(o.diagnostics().all()).isEmpty();
    List<PlannedBuild> builds = o.plan().orElseThrow().builds();
    assertThat(builds.get(0).customizations()).hasSize(1);
    PlannedBuild b = builds.get(1);
    assertThat(b.sourceName()).isEqualTo("second");
    assertThat(b.sourceConfig().has("customize"))
        .as("the block is not passed to the source")
        .isFalse();
    assertThat(b.sourceConfig().string("base", "")).isEqualTo("oci-layout:base:v1");
    assertThat(b.customizations()).extracting(PlannedPostProcessor::type).containsOnly("customize");
    assertThat(b.customizations()).hasSize(2);
    assertThat(b.customizations().get(0).config().string("hostname", "")).isEqualTo("web1");
    assertThat(b.customizations().get(0).config().objects("users").get(0).strings("groups"))
        .containsExactly("sudo");
    assertThat(b.customizations().get(1).config().string("timezone", ""))
        .isEqualTo("Europe/Berlin");
    assertThat(b.customizations().get(0).range().start().line()).isEqualTo(3);
  }

  @Test
  void aMisspeltSettingIsReportedWhereItIsWritten() throws Exception {
    TemplatePlans.Outcome o =
        plan(
            """
            source "oci" "app" {
              base = "oci-layout:base:v1"
              customize {
                hostnam = "web1"
              }
            }

            build {
              sources = ["source.oci.app"]
            }
            """);
    assertThat(o.plan()).isEmpty();
    Diagnostic d = o.diagnostics().all().get(0);
    assertThat(d.summary()).isEqualTo("Unsupported argument");
    assertThat(d.detail()).contains("\"hostnam\"").contains("hostname");
    assertThat(d.subject().filename()).endsWith("t.pkr.hcl");
    assertThat(List.of(d.subject().start().line(), d.subject().start().column()))
        .isEqualTo(List.of(4, 5));
  }

  @Test
  void customizeWrittenAsAnArgumentIsRefused() throws Exception {
    TemplatePlans.Outcome o =
        plan(
            """
            source "oci" "app" {
              base      = "oci-layout:base:v1"
              customize = { hostname = "web1" }
            }

            build {
              sources = ["source.oci.app"]
            }
            """);
    assertThat(o.plan()).isEmpty();
    Diagnostic d = o.diagnostics().all().get(0);
    assertThat(d.summary()).isEqualTo("Unsupported argument");
    assertThat(d.detail()).contains("block");
    assertThat(d.subject().start().line()).isEqualTo(3);
  }

  @Test
  void aSourceWithoutARootFilesystemCannotBeCustomized() throws Exception {
    TemplatePlans.Outcome o =
        plan(
            """
            source "null" "n" {
              communicator = "none"

              customize {
                hostname = "web1"
              }
            }

            build {
              sources = ["source.null.n"]
            }
            """);
    assertThat(o.plan()).isEmpty();
    Diagnostic d = o.diagnostics().all().get(0);
    assertThat(d.summary()).isEqualTo("Source \"null\" cannot be customized");
    assertThat(d.detail()).contains("nothing (NoArtifact)");
    assertThat(d.subject().start().line()).isEqualTo(4);
  }
}
