package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingot build} through the template loader: values, names, filters and masking. */
class TemplateBuildTest {
  @TempDir Path dir;

  static final String TEMPLATE =
      """
      variable "greeting" {
        default = "hello"
      }

      variable "token" {
        sensitive = true
        default   = "tok-secret-777"
      }

      source "null" "one" {
        communicator = "none"
      }

      build {
        name    = "demo"
        sources = ["source.null.one"]

        source "source.null.one" {
          name = "two"
        }

        provisioner "shell-local" {
          inline = ["echo GREET ${var.greeting} from ${source.name} of ${build.name} token=${var.token}"]
        }

        post-processor "manifest" {
          output      = "m-${source.name}.json"
          custom_data = { token = var.token }
        }
      }
      """;

  @Test
  void buildsEverySourceWithMaskedSecrets() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r =
        CliTestSupport.run(
            dir, Map.of("PKR_VAR_greeting", "hi"), "build", "-color=false", "t.pkr.hcl");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("demo.null.one: GREET hi from one of demo token=<sensitive>")
        .contains("demo.null.two: GREET hi from two of demo token=<sensitive>")
        .doesNotContain("tok-secret-777");
    String manifest = Files.readString(dir.resolve("m-two.json"));
    assertThat(manifest).contains("\"token\": \"<sensitive>\"").doesNotContain("tok-secret-777");
  }

  @Test
  void onlyRunsTheMatchingBuild() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r =
        CliTestSupport.run(
            dir, Map.of(), "build", "-color=false", "-only=demo.null.two", "t.pkr.hcl");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("demo.null.two: GREET hello").doesNotContain("demo.null.one:");
    assertThat(dir.resolve("m-one.json")).doesNotExist();
  }

  @Test
  void invalidTemplateDoesNotBuild() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE.replace("var.greeting}", "var.greting}"));
    CliTestSupport.Run r = CliTestSupport.run(dir, Map.of(), "build", "t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Unsupported attribute").contains("Did you mean \"greeting\"?");
    assertThat(dir.resolve("m-one.json")).doesNotExist();
  }
}
