package dev.ingot.template.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.diag.Pos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
  private static List<Token> lex(String s) {
    return Lexer.lex(s.getBytes(StandardCharsets.UTF_8), "t", Lexer.Mode.NORMAL).tokens();
  }

  private static List<TokenType> types(String s) {
    return lex(s).stream().map(Token::type).toList();
  }

  @Test
  void positionsCountCodePointsAndUtf8Bytes() {
    List<Token> t = lex("a = \"é😀\" b\n  c");
    Token lit = t.get(3);
    assertThat(lit.type()).isEqualTo(TokenType.QUOTED_LIT);
    assertThat(lit.range().start()).isEqualTo(new Pos(1, 6, 5));
    assertThat(lit.range().end()).isEqualTo(new Pos(1, 8, 11)); // 2 code points, 6 bytes
    Token b = t.get(5);
    assertThat(b.text()).isEqualTo("b");
    assertThat(b.range().start()).isEqualTo(new Pos(1, 10, 13));
    Token c = t.get(7);
    assertThat(c.range().start()).isEqualTo(new Pos(2, 3, 17));
  }

  @Test
  void heredocTokensKeepLinesAndTheClosingMarker() {
    List<Token> t = lex("x = <<-EOT\n  one ${a}\n  two\n  EOT\ny");
    assertThat(t.stream().map(Token::type).toList())
        .containsExactly(
            TokenType.IDENT,
            TokenType.EQUAL,
            TokenType.OHEREDOC,
            TokenType.STRING_LIT,
            TokenType.TEMPLATE_INTERP,
            TokenType.IDENT,
            TokenType.TEMPLATE_SEQ_END,
            TokenType.STRING_LIT,
            TokenType.STRING_LIT,
            TokenType.CHEREDOC,
            TokenType.NEWLINE,
            TokenType.IDENT,
            TokenType.EOF);
    assertThat(t.get(2).text()).isEqualTo("<<-EOT\n");
    assertThat(t.get(7).text()).isEqualTo("\n");
    assertThat(t.get(8).text()).isEqualTo("  two\n");
    assertThat(t.get(9).text()).isEqualTo("  EOT");
  }

  @Test
  void notAHeredocWithoutNewlineAfterTheMarker() {
    assertThat(types("<<EOF x")).startsWith(TokenType.LESS, TokenType.LESS, TokenType.IDENT);
  }

  @Test
  void commentsAreTokensAndLineCommentsOwnTheirNewline() {
    List<Token> t = lex("a # c\n/* b */ // d\r\n");
    assertThat(t.get(1).text()).isEqualTo("# c\n");
    assertThat(t.get(2).text()).isEqualTo("/* b */");
    assertThat(t.get(3).text()).isEqualTo("// d\r\n");
    assertThat(t.get(3).endsLine()).isTrue();
    assertThat(types("a /* open")).startsWith(TokenType.IDENT, TokenType.SLASH, TokenType.STAR);
  }

  @Test
  void stripMarkersBelongToTheSequenceTokens() {
    List<Token> t = lex("\"a ${~ b ~} %{~ if c ~}\"");
    assertThat(t.get(2).text()).isEqualTo("${~");
    assertThat(t.get(2).strips()).isTrue();
    assertThat(t.get(4).text()).isEqualTo("~}");
    assertThat(t.get(4).strips()).isTrue();
    assertThat(t.get(6).text()).isEqualTo("%{~");
  }

  @Test
  void numbersIdentifiersAndOperators() {
    assertThat(lex("1.5e3").get(0).text()).isEqualTo("1.5e3");
    assertThat(types("1.")).startsWith(TokenType.NUMBER, TokenType.DOT);
    assertThat(types("1e")).startsWith(TokenType.NUMBER, TokenType.IDENT);
    assertThat(lex("a-b_c1 ünï").get(0).text()).isEqualTo("a-b_c1");
    assertThat(lex("a-b_c1 ünï").get(1).text()).isEqualTo("ünï");
    assertThat(types("== != <= >= && || => ... ! ?"))
        .containsExactly(
            TokenType.EQUAL_OP,
            TokenType.NOT_EQUAL,
            TokenType.LESS_EQ,
            TokenType.GREATER_EQ,
            TokenType.AND,
            TokenType.OR,
            TokenType.FAT_ARROW,
            TokenType.ELLIPSIS,
            TokenType.BANG,
            TokenType.QUESTION,
            TokenType.EOF);
  }

  @Test
  void escapedSequenceOpenersStayLiteral() {
    assertThat(types("\"$${a} %%{b}\""))
        .containsExactly(TokenType.OQUOTE, TokenType.QUOTED_LIT, TokenType.CQUOTE, TokenType.EOF);
  }

  @Test
  void badCharactersAreReportedNotThrown() {
    Lexer.Result r =
        Lexer.lex(new byte[] {'a', '=', (byte) 0xff, ';', '@'}, "t", Lexer.Mode.NORMAL);
    assertThat(r.tokens().stream().map(Token::type).toList())
        .containsExactly(
            TokenType.IDENT,
            TokenType.EQUAL,
            TokenType.INVALID,
            TokenType.INVALID,
            TokenType.INVALID,
            TokenType.EOF);
    assertThat(r.diagnostics().all())
        .extracting(d -> d.summary())
        .containsExactly("Invalid character encoding", "Invalid character", "Invalid character");
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    byte[] src = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a'};
    Token a = Lexer.lex(src, "t", Lexer.Mode.NORMAL).tokens().get(0);
    assertThat(a.text()).isEqualTo("a");
    assertThat(a.range().start().byteOffset()).isEqualTo(3);
  }

  @Test
  void templateModeReadsTextUntilTheEnd() {
    List<Token> t =
        Lexer.lex("x ${y}\n\"z\"".getBytes(StandardCharsets.UTF_8), "t", Lexer.Mode.TEMPLATE)
            .tokens();
    assertThat(t.stream().map(Token::type).toList())
        .containsExactly(
            TokenType.STRING_LIT,
            TokenType.TEMPLATE_INTERP,
            TokenType.IDENT,
            TokenType.TEMPLATE_SEQ_END,
            TokenType.STRING_LIT,
            TokenType.STRING_LIT,
            TokenType.EOF);
  }

  @Test
  void aNewlineInAQuotedStringClosesIt() {
    Lexer.Result r =
        Lexer.lex("a = \"${x\"\nb".getBytes(StandardCharsets.UTF_8), "t", Lexer.Mode.NORMAL);
    assertThat(r.tokens().get(r.tokens().size() - 2).text()).isEqualTo("b");
    assertThat(r.tokens().stream().map(Token::type).toList())
        .containsSubsequence(
            TokenType.CQUOTE, TokenType.TEMPLATE_SEQ_END, TokenType.CQUOTE, TokenType.NEWLINE);
  }
}
