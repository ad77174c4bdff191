package dev.ingot.build.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatePlannerTest {
  @TempDir Path dir;

  static final PluginRegistry PLUGINS =
      PluginRegistry.load(TemplatePlannerTest.class.getClassLoader());

  static final String TEMPLATE =
      """
      variable "secret" {
        sensitive = true
        default   = "pa55-w0rd-x"
      }

      source "null" "base" {
        communicator = "none"
      }

      build {
        name    = "b"
        sources = ["source.null.base"]

        source "source.null.base" {
          name = "second"
        }

        provisioner "shell-local" {
          inline = ["echo ${source.type}.${source.name} in ${build.name}"]
        }

        provisioner "shell-local" {
          only         = ["null.second"]
          pause_before = "1m30s"
          max_retries  = 2
          timeout      = "10s"
          environment_vars = ["S=${var.secret}"]
          inline       = ["echo second only"]
        }

        error-cleanup-provisioner "shell-local" {
          inline = ["echo cleanup"]
        }

        post-processor "manifest" {
          name   = "m"
          except = ["null.base"]
          output = "${source.name}.json"
        }

        post-processors {
          post-processor "shell-local" {
            keep_input_artifact = true
            inline              = ["echo a"]
          }
          post-processor "manifest" {}
        }
      }

      build {
        name    = "broken"
        sources = ["source.null.base"]

        provisioner "shell-local" {
          inlin = ["never evaluated with -only b.*"]
        }
      }
      """;

  private TemplatePlans.Outcome plan(BuildFilter filter) throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    return TemplatePlans.load(
        LoadRequest.of("t.pkr.hcl", dir, TemplateLoader.PACKER_VERSION), PLUGINS, filter);
  }

  @Test
  void oneBuildPerSourceWithItsOwnNamesAndSteps() throws Exception {
    BuildFilter onlyB = BuildFilter.parse(List.of("b.*"), List.of()).filter();
    TemplatePlans.Outcome o = plan(onlyB);
    assertThat(o.diagnostics().all())
        .as("the broken build is left out before evaluation")
        .isEmpty();
    Plan p = o.plan().orElseThrow();
    assertThat(p.builds())
        .extracting(PlannedBuild::buildName)
        .containsExactly("b.null.base", "b.null.second");
    PlannedBuild base = p.builds().get(0);
    PlannedBuild second = p.builds().get(1);
    assertThat(base.sourceName()).isEqualTo("base");
    assertThat(second.sourceName()).isEqualTo("second");
    assertThat(base.provisioners()).hasSize(1);
    assertThat(base.provisioners().get(0).config().strings("inline"))
        .containsExactly("echo null.base in b");
    assertThat(second.provisioners()).hasSize(2);
    assertThat(second.provisioners().get(0).config().strings("inline"))
        .containsExactly("echo null.second in b");
    PlannedProvisioner p2 = second.provisioners().get(1);
    assertThat(p2.pauseBefore()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p2.maxRetries()).isEqualTo(2);
    assertThat(p2.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p2.config().has("only")).as("settings are not passed to the plugin").isFalse();
    assertThat(base.errorCleanupProvisioner()).isPresent();
    assertThat(base.chains()).as("the manifest excepts null.base").hasSize(1);
    assertThat(second.chains()).hasSize(2);
    PlannedPostProcessor m = second.chains().get(0).get(0);
    assertThat(m.name()).isEqualTo("m");
    assertThat(m.config().string("output", "")).isEqualTo("second.json");
    assertThat(second.chains().get(1))
        .extracting(PlannedPostProcessor::type)
        .containsExactly("shell-local", "manifest");
    assertThat(second.chains().get(1).get(0).keepInputArtifact()).isTrue();
    assertThat(p.masker().mask("x pa55-w0rd-x y")).isEqualTo("x <sensitive> y");
    assertThat(p.masker().mask("S=pa55-w0rd-x"))
        .as("the derived value is hidden whole")
        .isEqualTo("<sensitive>");
    assertThat(p.templateDir()).isEqualTo(dir);
  }

  @Test
  void withoutFilterTheBrokenBuildIsReported() throws Exception {
    TemplatePlans.Outcome o = plan(BuildFilter.ALL);
    assertThat(o.plan()).isEmpty();
    assertThat(o.diagnostics().all()).hasSize(1);
    assertThat(o.diagnostics().all().get(0).summary()).isEqualTo("Unsupported argument");
    assertThat(o.diagnostics().all().get(0).subject().start().line()).isEqualTo(55);
  }

  @Test
  void planLoaderShowsRelativeNames() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        TEMPLATE.replace("communicator = \"none\"", "comunicator = \"none\""));
    PlanLoader.Loaded l =
        new TemplatePlanLoader()
            .load(
                new PlanLoader.Request(
                    dir.resolve("t.pkr.hcl"),
                    dir,
                    List.of(),
                    List.of(),
                    Map.of(),
                    BuildFilter.ALL,
                    PLUGINS));
    assertThat(l.plan()).isEmpty();
    assertThat(l.diagnostics().all().get(0).subject().filename()).isEqualTo("t.pkr.hcl");
    assertThat(new TemplatePlanLoader().accepts(dir)).isTrue();
    assertThat(new TemplatePlanLoader().accepts(dir.resolve("x.json"))).isFalse();
  }
}
