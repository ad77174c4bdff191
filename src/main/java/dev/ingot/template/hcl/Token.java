package dev.ingot.template.hcl;

import dev.ingot.diag.Range;

/**
 * One lexical token: its kind, its exact source text and where it is. Immutable.
 *
 * @param type the kind of token
 * @param text the source text of the token, exactly as written
 * @param range where the token is
 */
public record Token(TokenType type, String text, Range range) {
  public Token {
    if (type == null || text == null || range == null) {
      throw new IllegalArgumentException("token needs a type, text and range");
    }
  }

  /** True for a newline, or a line comment (which ends with a newline). */
  public boolean endsLine() {
    return type == TokenType.NEWLINE || (type == TokenType.COMMENT && text.endsWith("\n"));
  }

  /** True if this is the strip form ({@code ${~}, {@code %{~}, {@code ~}}). */
  public boolean strips() {
    return switch (type) {
      case TEMPLATE_INTERP, TEMPLATE_CONTROL -> text.endsWith("~");
      case TEMPLATE_SEQ_END -> text.startsWith("~");
      default -> false;
    };
  }

  boolean isKeyword(String word) {
    return type == TokenType.IDENT && text.equals(word);
  }
}
