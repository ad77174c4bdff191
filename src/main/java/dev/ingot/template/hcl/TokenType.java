package dev.ingot.template.hcl;

/** The kinds of token of HCL's native syntax, as produced by {@link Lexer}. */
public enum TokenType {
  IDENT,
  NUMBER,
  OBRACE,
  CBRACE,
  OBRACK,
  CBRACK,
  OPAREN,
  CPAREN,
  /** The opening {@code "} of a quoted template. */
  OQUOTE,
  /** The closing {@code "} of a quoted template. */
  CQUOTE,
  /** {@code <<EOF} or {@code <<-EOF} including the newline that ends it. */
  OHEREDOC,
  /** The closing marker line of a heredoc, with any leading spaces, without its newline. */
  CHEREDOC,
  /** Literal text inside a quoted template, escapes still encoded. */
  QUOTED_LIT,
  /** Literal text inside a heredoc or a bare template (at most one line, with its newline). */
  STRING_LIT,
  /** {@code ${} or {@code ${~}. */
  TEMPLATE_INTERP,
  /** {@code %{} or {@code %{~}. */
  TEMPLATE_CONTROL,
  /** The {@code }} or {@code ~}} that ends an interpolation or directive. */
  TEMPLATE_SEQ_END,
  STAR,
  SLASH,
  PLUS,
  MINUS,
  PERCENT,
  EQUAL,
  EQUAL_OP,
  NOT_EQUAL,
  LESS,
  LESS_EQ,
  GREATER,
  GREATER_EQ,
  AND,
  OR,
  BANG,
  DOT,
  COMMA,
  ELLIPSIS,
  FAT_ARROW,
  QUESTION,
  COLON,
  NEWLINE,
  /** A comment; a line comment includes the newline that ends it. */
  COMMENT,
  /** A character that has no meaning in the language (already reported by the lexer). */
  INVALID,
  EOF;

  /** +1 for tokens that open a bracketing context, -1 for those that close one, else 0. */
  int bracketChange() {
    return switch (this) {
      case OBRACE, OBRACK, OPAREN, TEMPLATE_CONTROL, TEMPLATE_INTERP -> 1;
      case CBRACE, CBRACK, CPAREN, TEMPLATE_SEQ_END -> -1;
      default -> 0;
    };
  }
}
