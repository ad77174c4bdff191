package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  static final String GOOD =
      """
      variable "name" {
        type    = string
        default = "web"
      }

      source "null" "a" {
        communicator = "none"
      }

      build {
        sources = ["source.null.a"]

        provisioner "shell-local" {
          inline = ["echo ${var.name}"]
        }
      }
      """;

  private CliTestSupport.Run validate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTestSupport.run(dir, Map.of("HOME", dir.toString()), all);
  }

  @Test
  void valuesThePluginsRefuseAreFoundBeforeTheBuild() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        """
        source "debian" "x" {
          variant = "foo"
        }

        build {
          sources = ["source.debian.x"]

          post-processor "container" {
            compression = "lz4"
          }
        }
        """);
    CliTestSupport.Run r = validate("t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Unknown variant")
        .contains("on t.pkr.hcl line 2")
        .contains("Error: Unknown layer compression")
        .contains("on t.pkr.hcl line 9");
  }

  @Test
  void publishingAndScanningValuesAreFoundBeforeTheBuild() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        """
        source "oci" "x" {
          base = "oci-layout:base:v1"
        }

        build {
          sources = ["source.oci.x"]

          post-processors {
            post-processor "scan" {
              fail_on = "severe"
            }
            post-processor "sbom" {
              formats = ["swid"]
            }
            post-processor "container" {}
            post-processor "oci-push" {
              repository = "localhost:5000/base"
              tags       = ["bad tag"]
            }
          }
        }
        """);
    CliTestSupport.Run r = validate("t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("Error: Invalid fail_on \"severe\"")
        .contains("on t.pkr.hcl line 10")
        .contains("Error: Unknown SBOM format \"swid\"")
        .contains("on t.pkr.hcl line 13")
        .contains("Error: Invalid tag")
        .contains("on t.pkr.hcl line 18");
    // Mistakes the push found only after the image was built.
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        Files.readString(dir.resolve("t.pkr.hcl"))
            .replace(
                "[\"bad tag\"]", "[\"a\", \"a\"]\n      ca_file    = \"/nonexistent/ca.pem\""));
    CliTestSupport.Run push = validate("t.pkr.hcl");
    assertThat(push.exitCode()).isEqualTo(1);
    assertThat(push.err())
        .contains("Error: A tag listed twice")
        .contains("Error: CA file not found")
        .contains("No file at /nonexistent/ca.pem.");
  }

  @Test
  void validTemplate() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), GOOD);
    CliTestSupport.Run r = validate("t.pkr.hcl");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("The configuration is valid.\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsArePrintedWithTheSourceLineAndExit1() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), GOOD.replace("inline", "inlin"));
    CliTestSupport.Run r = validate("t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("Error: Unsupported argument")
        .contains("on t.pkr.hcl line 14, in build:")
        .contains("inlin = [\"echo ${var.name}\"]")
        .contains("Did you mean \"inline\"?");
  }

  @Test
  void variablesFromTheCommandLine() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), GOOD.replace("default = \"web\"", ""));
    assertThat(validate("t.pkr.hcl").err()).contains("Unset variable \"name\"");
    assertThat(validate("-var", "name=x", "t.pkr.hcl").exitCode()).isZero();
    Files.writeString(dir.resolve("v.pkrvars.hcl"), "name = \"y\"\n");
    assertThat(validate("-var-file", "v.pkrvars.hcl", "t.pkr.hcl").exitCode()).isZero();
    CliTestSupport.Run undeclared = validate("-var", "name=x", "-var", "nope=1", "t.pkr.hcl");
    assertThat(undeclared.exitCode()).isEqualTo(1);
    assertThat(undeclared.err()).contains("Undefined -var variable");
  }

  @Test
  void jsonOutput() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        GOOD.replace("\"null\" \"a\"", "\"nul\" \"a\"").replace("source.null.a", "source.nul.a"));
    CliTestSupport.Run r = validate("--json", "t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.get("error_count").asInt()).isEqualTo(1);
    JsonNode d = j.get("diagnostics").get(0);
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("summary").asText()).isEqualTo("Unknown source type \"nul\"");
    assertThat(d.get("detail").asText()).contains("Did you mean \"null\"?");
    assertThat(d.get("range").get("start").get("line").asInt()).isEqualTo(6);
    assertThat(d.get("range").get("start").get("column").asInt()).isEqualTo(8);
    Files.writeString(dir.resolve("t.pkr.hcl"), GOOD);
    JsonNode ok = new ObjectMapper().readTree(validate("--json", "t.pkr.hcl").out());
    assertThat(ok.get("valid").asBoolean()).isTrue();
    assertThat(ok.get("diagnostics").size()).isZero();
    // A missing template is JSON too (standard output was empty), still exit 2.
    for (List<String> mode : List.of(List.of("--json"), List.of("--json", "-syntax-only"))) {
      List<String> args = new java.util.ArrayList<>(mode);
      args.add("nope.pkr.hcl");
      CliTestSupport.Run missing = validate(args.toArray(String[]::new));
      assertThat(missing.exitCode()).isEqualTo(2);
      JsonNode m = new ObjectMapper().readTree(missing.out());
      assertThat(m.get("valid").asBoolean()).isFalse();
      assertThat(m.get("diagnostics").get(0).get("detail").asText())
          .isEqualTo("there is no template file or directory nope.pkr.hcl");
    }
  }

  @Test
  void syntaxOnlyChecksOnlyTheSyntax() throws Exception {
    Files.writeString(dir.resolve("t.pkr.hcl"), GOOD.replace("inline", "inlin"));
    CliTestSupport.Run r = validate("-syntax-only", "t.pkr.hcl");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Syntax-only check passed.\n");
    Files.writeString(dir.resolve("t.pkr.hcl"), "source \"null\" \"a\" {\n");
    CliTestSupport.Run bad = validate("-syntax-only", "t.pkr.hcl");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("Unclosed configuration block");
  }

  @Test
  void sensitiveValuesAreMaskedInDiagnostics() throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        """
        variable "mode" {
          type      = string
          sensitive = true
          default   = "sekrit-mode-42"
        }

        source "null" "a" {
          communicator = var.mode
        }

        build {
          sources = ["source.null.a"]
        }
        """);
    CliTestSupport.Run r = validate("t.pkr.hcl");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("<sensitive>").doesNotContain("sekrit-mode-42");
    CliTestSupport.Run j = validate("--json", "t.pkr.hcl");
    assertThat(j.out()).contains("<sensitive>").doesNotContain("sekrit-mode-42");
  }

  @Test
  void usageMistakes() {
    assertThat(validate("missing.pkr.hcl").exitCode()).isEqualTo(2);
    assertThat(validate().exitCode()).isEqualTo(2);
  }
}
