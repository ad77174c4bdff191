package dev.ingot.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.build.plan.BuildFilter;
import dev.ingot.build.plan.PluginRegistry;
import dev.ingot.build.plan.TemplatePlans;
import dev.ingot.diag.Diagnostic;
import dev.ingot.disk.ovf.OvfSpec;
import dev.ingot.template.load.LoadRequest;
import dev.ingot.template.load.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An OVF setting the ova post-processor refuses is reported at the argument that set it. */
class OvaDiagnosticsTest {
  private static final PluginRegistry PLUGINS =
      PluginRegistry.load(OvaDiagnosticsTest.class.getClassLoader());

  /** Good values, one argument a line from line 10; each case spoils one. */
  private static final String TEMPLATE =
      """
      source "debian" "d" {
        packages = ["base-files"]
      }
      build {
        name    = "vm"
        sources = ["source.debian.d"]
        post-processors {
          post-processor "disk" { boot = "uefi" }
          post-processor "ova" {
            vm_name          = "vm"
            cpus             = 2
            memory           = 2048
            hardware_version = "vmx-13"
            scsi_controller  = "VirtualSCSI"
            secure_boot      = true
            properties       = { hostname = "vm" }
          }
        }
      }
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "vm_name          | \"-vm\"             | t.pkr.hcl:10:26 | vm_name must be",
        "cpus             | 0                  | t.pkr.hcl:11:26 | cpus must be 1-768",
        "memory           | 3                  | t.pkr.hcl:12:26 | memory must be at least 4 MiB",
        "cpus             | 4294967297         | t.pkr.hcl:11:26 | cpus must be 1-768",
        "memory           | -4294967296        | t.pkr.hcl:12:26 | memory must be at least 4 MiB",
        "hardware_version | \"13\"             | t.pkr.hcl:13:26 | hardware_version must look like",
        "hardware_version | \"vmx-11\"         | t.pkr.hcl:13:26 | vmx-13 or later",
        "scsi_controller  | \"ide\"            | t.pkr.hcl:14:26 | scsi_controller must be",
        "properties       | { colour = \"x\" } | t.pkr.hcl:16:26 | unknown OVF property 'colour'"
      })
  void aRefusedSettingIsReportedAtItsArgument(String name, String value, String at, String detail)
      throws Exception {
    // Found by validate, before the build (the run reports it with the same code, OvaPostProcessor
    // .spec, when a plugin is called without validate).
    List<Diagnostic> all = planned(name, value).diagnostics().all();
    assertThat(all).hasSize(1);
    Diagnostic d = all.get(0);
    assertThat(d.summary()).isEqualTo("Bad OVF settings");
    assertThat(d.detail()).contains(detail);
    assertThat(where(d)).isEqualTo(at);
  }

  @Test
  void everyOvfSettingIsAnArgumentOfTheSchema() {
    for (OvfSpec.Setting s : OvfSpec.Setting.values()) {
      assertThat(new OvaPostProcessor().schema().arg(OvaPostProcessor.argument(s)))
          .as(s.toString())
          .isPresent();
    }
  }

  /** The template planned and validated with {@code value} for {@code name}. */
  private TemplatePlans.Outcome planned(String name, String value) throws Exception {
    String t =
        TEMPLATE
            .lines()
            .map(
                l ->
                    l.strip().startsWith(name + " ")
                        ? "      %-16s = %s".formatted(name, value)
                        : l)
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(dir.resolve("t.pkr.hcl"), t);
    return TemplatePlans.load(
        LoadRequest.of("t.pkr.hcl", dir, TemplateLoader.PACKER_VERSION), PLUGINS, BuildFilter.ALL);
  }

  private static String where(Diagnostic d) {
    return d.subject().filename()
        + ":"
        + d.subject().start().line()
        + ":"
        + d.subject().start().column();
  }
}
