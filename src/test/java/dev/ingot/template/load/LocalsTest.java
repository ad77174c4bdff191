package dev.ingot.template.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.template.model.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalsTest {
  @TempDir Path dir;

  private Loaded load(String locals) throws Exception {
    Files.writeString(
        dir.resolve("t.pkr.hcl"),
        locals
            + "\nsource \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  sources ="
            + " [\"source.null.a\"]\n}\n");
    return TemplateLoader.standard()
        .load(LoadRequest.of("t.pkr.hcl", dir, TemplateLoader.PACKER_VERSION));
  }

  @Test
  void orderOfWritingDoesNotMatter() throws Exception {
    Loaded l =
        load(
            """
            locals {
              c = "${local.b}c"
            }
            locals {
              b = "${local.a}b"
              a = "a"
            }
            """);
    assertThat(l.diagnostics().all()).isEmpty();
    Template t = l.template().orElseThrow();
    assertThat(t.locals().get("c").value().asString()).isEqualTo("abc");
    assertThat(t.locals().keySet()).as("kept in the order written").containsExactly("c", "b", "a");
  }

  @Test
  void eachCycleIsReportedOnceAndItsDependentsStaySilent() throws Exception {
    Loaded l =
        load(
            """
            locals {
              x = local.y
              y = local.x
              uses_cycle = "${local.x}!"
              p = local.q
              q = local.r
              r = local.p
              fine = "ok"
            }
            """);
    assertThat(l.diagnostics().all().stream().map(Diagnostic::detail))
        .hasSize(2)
        .anyMatch(d -> d.startsWith("local.x refers to local.y, which refers back to local.x."))
        .anyMatch(
            d ->
                d.startsWith(
                    "local.p refers to local.q, which refers to local.r, which refers back to"
                        + " local.p."));
    assertThat(l.diagnostics().all().get(0).subject().start().line()).isEqualTo(2);
  }

  @Test
  void sensitivityFollowsTheValue() throws Exception {
    Loaded l =
        load(
            """
            variable "pw" {
              sensitive = true
              default   = "s3cret-value"
            }
            local "marked" {
              expression = "plain"
              sensitive  = true
            }
            locals {
              derived = upper(var.pw)
              clean   = "x"
            }
            """);
    assertThat(l.diagnostics().all()).isEmpty();
    Map<String, Template.Local> locals = l.template().orElseThrow().locals();
    assertThat(locals.get("derived").value().containsSensitive()).isTrue();
    assertThat(locals.get("marked").value().isSensitive()).isTrue();
    assertThat(locals.get("clean").value().containsSensitive()).isFalse();
    assertThat(l.secrets()).contains("s3cret-value", "S3CRET-VALUE", "plain").doesNotContain("x");
  }
}
