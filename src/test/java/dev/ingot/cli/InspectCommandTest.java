package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir Path dir;

  static final String TEMPLATE =
      """
      variable "region" {
        type        = string
        default     = "eu-west-1"
        description = "Where the image is published."
      }

      variable "token" {
        type      = string
        sensitive = true
        default   = "tok-very-secret-1"
      }

      variable "zones" {
        default = ["a", "b"]
      }

      locals {
        auth  = "Bearer ${var.token}"
        label = "${var.region}-${length(var.zones)}"
      }

      source "null" "web" {
        communicator = "none"
      }

      build {
        name        = "site"
        description = "The web image."
        sources     = ["source.null.web"]

        source "source.null.web" {
          name = "canary"
        }

        provisioner "shell-local" {
          only   = ["null.canary"]
          inline = ["echo ${local.auth}"]
        }

        provisioner "shell-local" {
          pause_before = "10s"
          max_retries  = 3
          inline       = ["echo all"]
        }

        post-processors {
          post-processor "shell-local" {
            inline = ["echo post"]
          }
          post-processor "manifest" {
            name                = "final"
            keep_input_artifact = true
          }
        }
      }
      """;

  private CliTestSupport.Run inspect(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "inspect";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(dir, Map.of("HOME", dir.toString()), all);
  }

  @Test
  void showsVariablesLocalsSourcesAndBuilds() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r = inspect("-var", "region=us-east-1", "t.pkr.hcl");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            Ingot Inspect: HCL2 mode

            > input-variables:

            var.region: "us-east-1"  (string, from a -var option)
                Where the image is published.
            var.token: <sensitive>  (string, sensitive)
            var.zones: ["a", "b"]

            > local-variables:

            local.auth: <sensitive>
            local.label: "us-east-1-2"

            > sources:

              null.web: Makes no artifact; for builds of shell-local steps only.

            > builds:

              > site:

              > Description: The web image.

                sources:

                  null.web
                  null.canary (source null.web)

                provisioners:

                  shell-local (only null.canary)
                  shell-local (pause_before 10s; max_retries 3)

                post-processors:

                  0:
                    shell-local
                    manifest (name final; keep_input_artifact)
            """);
    assertThat(r.out()).doesNotContain("tok-very-secret-1");
  }

  @Test
  void onlyAndExceptMarkLeftOutBuilds() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    CliTestSupport.Run r = inspect("-only", "site.null.web", "t.pkr.hcl");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("null.canary (source null.web) (left out by -only/-except)");
  }

  @Test
  void templateWithErrorsPrintsDiagnostics() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"), TEMPLATE.replace("default     = \"eu-west-1\"", ""));
    CliTestSupport.Run r = inspect("t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Unset variable \"region\"");
  }
}
