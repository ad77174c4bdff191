package dev.ingot.template.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.template.model.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packer's order: default &lt; PKR_VAR_ (INGOT_VAR_ wins over it) &lt; *.auto.pkrvars.hcl &lt;
 * *.auto.pkrvars.json &lt; -var-file (in order) &lt; -var (in order). {@code PrecedencePeerTest}
 * checks the same fixture against packer build.
 */
class VariablePrecedenceTest {
  @TempDir Path dir;

  /** Writes the fixture into {@code dir}: a template, two auto var files, two var files. */
  static void fixture(Path dir) throws Exception {
    StringBuilder t = new StringBuilder();
    for (String v : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) {
      t.append("variable \"").append(v).append("\" {\n  default = \"default\"\n}\n\n");
    }
    t.append(
        """
        source "null" "p" {
          communicator = "none"
        }

        build {
          sources = ["source.null.p"]

          provisioner "shell-local" {
            inline = ["echo VALUES a=${var.a} b=${var.b} c=${var.c} d=${var.d} e=${var.e} f=${var.f} g=${var.g} h=${var.h} i=${var.i}"]
          }
        }
        """);
    Files.writeString(dir.resolve("t.pkr.hcl"), t.toString());
    Files.writeString(
        dir.resolve("1.auto.pkrvars.hcl"), "c = \"auto\"\nd = \"auto\"\nh = \"auto-hcl\"\n");
    Files.writeString(dir.resolve("0.auto.pkrvars.json"), "{\"h\": \"auto-json\"}");
    Files.writeString(
        dir.resolve("one.pkrvars.hcl"), "d = \"file\"\ne = \"file\"\ni = \"file1\"\n");
    Files.writeString(dir.resolve("two.pkrvars.json"), "{\"i\": \"file2\"}");
  }

  static final List<String> VAR_FILES = List.of("one.pkrvars.hcl", "two.pkrvars.json");
  static final List<String> VARS = List.of("e=cli", "f=cli1", "f=cli2");
  static final Map<String, String> ENV =
      Map.of("PKR_VAR_b", "env", "PKR_VAR_c", "env", "PKR_VAR_g", "env");

  /** What Packer 1.6.6 gives for the fixture (checked by PrecedencePeerTest). */
  static final Map<String, String> PACKER =
      Map.of(
          "a",
          "default",
          "b",
          "env",
          "c",
          "auto",
          "d",
          "file",
          "e",
          "cli",
          "f",
          "cli2",
          "g",
          "env",
          "h",
          "auto-json",
          "i",
          "file2");

  static Map<String, String> ingot(Path dir, Map<String, String> env) {
    LoadRequest req =
        new LoadRequest(".", dir, VARS, VAR_FILES, env, TemplateLoader.PACKER_VERSION, null);
    Loaded l = TemplateLoader.standard().load(req);
    assertThat(l.diagnostics().all()).isEmpty();
    Map<String, String> out = new LinkedHashMap<>();
    Template t = l.template().orElseThrow();
    t.variables().forEach((k, v) -> out.put(k, v.value().asString()));
    return out;
  }

  @Test
  void laterSourcesOverrideEarlierOnes() throws Exception {
    fixture(dir);
    assertThat(ingot(dir, ENV)).isEqualTo(PACKER);
  }

  @Test
  void ingotPrefixOverridesPackerPrefix() throws Exception {
    fixture(dir);
    Map<String, String> env = new LinkedHashMap<>(ENV);
    env.put("INGOT_VAR_g", "ingot");
    env.put("INGOT_VAR_a", "ingot");
    Map<String, String> v = ingot(dir, env);
    assertThat(v.get("g")).isEqualTo("ingot");
    assertThat(v.get("a")).isEqualTo("ingot");
    assertThat(v.get("c")).as("auto files still win over the environment").isEqualTo("auto");
  }

  @Test
  void everyVariableSaysWhereItsValueCameFrom() throws Exception {
    fixture(dir);
    LoadRequest req =
        new LoadRequest(".", dir, VARS, VAR_FILES, ENV, TemplateLoader.PACKER_VERSION, null);
    Template t = TemplateLoader.standard().load(req).template().orElseThrow();
    assertThat(t.variables().get("a").from()).isEqualTo("its default");
    assertThat(t.variables().get("b").from()).isEqualTo("the environment");
    assertThat(t.variables().get("c").from()).isEqualTo("1.auto.pkrvars.hcl");
    assertThat(t.variables().get("i").from()).isEqualTo("two.pkrvars.json");
    assertThat(t.variables().get("f").from()).isEqualTo("a -var option");
  }
}
