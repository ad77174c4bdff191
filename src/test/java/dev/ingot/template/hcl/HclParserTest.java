package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Pos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Expr expr(String s) {
    HclParser.ExprResult r = HclParser.parseExpression(b(s), "e");
    assertThat(r.diagnostics().all()).as(s).isEmpty();
    return r.expr();
  }

  @Test
  void expressionsMayStartAnywhereInAFile() {
    HclParser.ExprResult r = HclParser.parseExpression(b("var.x +"), "vars", new Pos(3, 5, 40));
    Diagnostic d = r.diagnostics().all().get(0);
    assertThat(d.summary()).isEqualTo("Missing expression");
    assertThat(d.subject().start()).isEqualTo(new Pos(3, 12, 47));
    assertThat(r.expr().range().start()).isEqualTo(new Pos(3, 5, 40));
  }

  @Test
  void standaloneExpressionsIgnoreNewlinesAndRejectTrailingText() {
    assertThat(expr("[\n1,\n2\n]")).isInstanceOf(Expr.TupleCons.class);
    HclParser.ExprResult r = HclParser.parseExpression(b("1 2"), "e");
    assertThat(r.diagnostics().all())
        .extracting(Diagnostic::summary)
        .containsExactly("Extra characters after expression");
  }

  @Test
  void referencesLeaveOutForVariablesAndLiteralObjectKeys() {
    Expr e =
        expr(
            "{ a = var.x, (local.k) = [for i, v in var.list : v + i + local.n], b = \"${path.root}\" }");
    assertThat(e.references())
        .extracting(Object::toString)
        .containsExactly("var.x", "local.k", "var.list", "local.n", "path.root");
    Expr t = expr("\"%{for x in var.xs}${x}${var.sep}%{endfor}\"");
    assertThat(t.references()).extracting(Object::toString).containsExactly("var.xs", "var.sep");
    assertThat(expr("var.m[\"a\"][0].b").references().get(0).toString())
        .isEqualTo("var.m[\"a\"][0].b");
    assertThat(expr("var.m[local.k]").references())
        .extracting(Object::toString)
        .containsExactly("var.m", "local.k");
  }

  @Test
  void objectKeysAreLiteralUnlessParenthesized() {
    Expr.ObjectCons o = (Expr.ObjectCons) expr("{a = 1, \"b\" = 2, (c) = 3, true = 4}");
    assertThat(o.items())
        .extracting(i -> i.literalKey().orElse("-"))
        .containsExactly("a", "-", "-", "true");
  }

  @Test
  void operatorPrecedenceFollowsTheSpec() {
    assertThat(AstDump.of(expr("!a || b && c == d + e * -f"), false))
        .isEqualTo(
            """
            binary ||
              unary !
                traversal a
              binary &&
                traversal b
                binary ==
                  traversal c
                  binary +
                    traversal d
                    binary *
                      traversal e
                      unary -
                        traversal f
            """);
  }

  @Test
  void bareTemplatesHaveDirectivesAndStripMarkers() {
    HclParser.ExprResult r =
        HclParser.parseTemplate(
            b("Hi ${name}!\n%{ for x in xs ~}\n- ${x}\n%{~ endfor }\n"), "t.tpl");
    assertThat(r.diagnostics().all()).isEmpty();
    assertThat(AstDump.of(r.expr(), false))
        .isEqualTo(
            """
            template bare
              text "Hi "
              interp
                traversal name
              text "!\\n"
              for x
                traversal xs
                do:
                  text "- "
                  interp
                    traversal x
                  text ""
              text "\\n"
            """);
  }

  @Test
  void singleInterpolationIsRecognized() {
    assertThat(((Expr.Template) expr("\"${x}\"")).isSingleInterpolation()).isTrue();
    assertThat(((Expr.Template) expr("\"${x} \"")).isSingleInterpolation()).isFalse();
    assertThat(((Expr.Template) expr("\"%{if x}${x}%{endif}\"")).isSingleInterpolation()).isFalse();
  }

  @Test
  void flushHeredocCountsAnInterpolationAtLineStartAsUnindented() {
    Expr.Template t = (Expr.Template) expr("<<-EOT\n    a\n${x}\n  EOT\n");
    assertThat(((TemplatePart.Text) t.parts().get(0)).value()).isEqualTo("    a\n");
    Expr.Template u = (Expr.Template) expr("<<-EOT\n    a\n\n      b\n  EOT\n");
    assertThat(((TemplatePart.Text) u.parts().get(0)).value()).isEqualTo("a\n\n  b\n");
  }

  @Test
  void blocksKnowTheirPartsAndContext() {
    HclParser.ParseResult r =
        HclParser.parse(
            b("source \"null\" \"x\" {\n  a = 1\n}\nlocals {\n  b = 2\n}\n"), "f.pkr.hcl");
    Block src = r.body().blocks("source").get(0);
    assertThat(src.labelValues()).containsExactly("null", "x");
    assertThat(src.labels().get(0).range().start()).isEqualTo(new Pos(1, 8, 7));
    assertThat(src.openBraceRange().start().column()).isEqualTo(19);
    assertThat(src.closeBraceRange().start()).isEqualTo(new Pos(3, 1, 28));
    assertThat(src.body().attribute("a")).isPresent();
    Attribute a = src.body().attribute("a").orElseThrow();
    assertThat(a.equalsRange().start().column()).isEqualTo(5);
    BlockContext ctx = BlockContext.of(r.body());
    assertThat(ctx.contextAt(a.range().start().byteOffset())).isEqualTo("source \"null\" \"x\"");
    assertThat(ctx.contextAt(r.body().blocks("locals").get(0).range().start().byteOffset() + 9))
        .isEqualTo("locals");
    assertThat(ctx.contextAt(0 + src.range().end().byteOffset())).isEmpty();
  }

  @Test
  void escapeErrorsPointAtTheEscape() {
    HclParser.ParseResult r = HclParser.parse(b("a = \"ok \\q\"\n"), "f");
    Diagnostic d = r.diagnostics().all().get(0);
    assertThat(d.detail()).isEqualTo("The symbol \"q\" is not a valid escape sequence selector.");
    assertThat(d.subject().start().column()).isEqualTo(9);
    assertThat(d.subject().end().column()).isEqualTo(11);
  }

  @Test
  void aSyntaxErrorLeavesAPlaceholderAndLaterItemsAreKept() {
    HclParser.ParseResult r = HclParser.parse(b("a = )\nb = 2\nc {\n  d = [1,\n}\ne = 3\n"), "f");
    List<BodyItem> items = r.body().items();
    assertThat(items)
        .extracting(i -> i instanceof Attribute at ? at.name() : ((Block) i).type())
        .containsExactly("a", "b", "c", "e");
    assertThat(((Attribute) items.get(0)).expr()).isInstanceOf(Expr.Invalid.class);
    assertThat(r.diagnostics().hasErrors()).isTrue();
  }

  @Test
  void legacyAndModernIndexesAreTraversalSteps() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("a.0.b[\"c\"][1]");
    assertThat(t.steps()).hasSize(5);
    assertThat(t.steps().get(1)).isInstanceOf(Step.Index.class);
    assertThat(t.toString()).isEqualTo("a[0].b[\"c\"][1]");
  }

  @Test
  void hostileNestingGivesDiagnosticsNotStackOverflows() {
    String[] inputs = {
      "a = " + "[".repeat(20000),
      "a = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n",
      "a = 1" + "+1".repeat(20000) + "\n",
      "a = " + "\"${".repeat(2000) + "1" + "}\"".repeat(2000) + "\n",
      "b {\n".repeat(2000) + "}\n".repeat(2000),
      "a = " + "-".repeat(5000) + "1\n",
      "a = \"" + "%{if x}".repeat(2000) + "\"\n",
    };
    for (String in : inputs) {
      HclParser.ParseResult r = HclParser.parse(b(in), "deep.pkr.hcl");
      assertThat(r.diagnostics().all())
          .extracting(Diagnostic::summary)
          .containsAnyOf("Too deeply nested", "Expression too complex");
      AstDump.of(r.body(), false);
      r.body().attributes().forEach(a -> a.expr().references());
    }
    assertThat(
            HclParser.parse(b("a = " + "[".repeat(100) + "]".repeat(100) + "\n"), "ok")
                .diagnostics()
                .all())
        .isEmpty();
  }

  @Test
  void longTraversalsParseInLinearTime() {
    Expr.ScopeTraversal t = (Expr.ScopeTraversal) expr("x" + ".y".repeat(20000));
    assertThat(t.steps()).hasSize(20001);
  }
}
