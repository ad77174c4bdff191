package dev.ingot.template.hcl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Whether one space goes between two tokens of a line: hclwrite's rules, quirks included. */
final class FormatSpaces {
  /** After these, a minus is a negation and takes no space. */
  private static final Set<TokenType> BEFORE_NEGATION =
      EnumSet.of(
          TokenType.OPAREN,
          TokenType.OBRACE,
          TokenType.OBRACK,
          TokenType.EQUAL,
          TokenType.COLON,
          TokenType.COMMA,
          TokenType.QUESTION,
          TokenType.PLUS,
          TokenType.STAR,
          TokenType.SLASH,
          TokenType.PERCENT,
          TokenType.MINUS,
          TokenType.EQUAL_OP,
          TokenType.NOT_EQUAL,
          TokenType.GREATER,
          TokenType.GREATER_EQ,
          TokenType.LESS,
          TokenType.LESS_EQ,
          TokenType.AND,
          TokenType.OR,
          TokenType.BANG);

  private FormatSpaces() {}

  /** Sets the spaces before every token of {@code cell} except the first. */
  static void apply(List<Formatter.Tok> cell) {
    for (int i = 0; i + 1 < cell.size(); i++) {
      Formatter.Tok before = i > 0 ? cell.get(i - 1) : null;
      Formatter.Tok after = cell.get(i + 1);
      after.spacesBefore = spaceAfter(cell.get(i), before, after) ? 1 : 0;
    }
  }

  static boolean spaceAfter(Formatter.Tok subject, Formatter.Tok before, Formatter.Tok after) {
    TokenType s = subject.type;
    TokenType a = after.type;
    if (a == TokenType.NEWLINE) {
      return false;
    }
    if (s == TokenType.IDENT && a == TokenType.OPAREN) {
      return false; // a function name sticks to its parenthesis
    }
    if (s == TokenType.DOT
        || a == TokenType.DOT
        || a == TokenType.COMMA
        || a == TokenType.ELLIPSIS) {
      return false;
    }
    if (s == TokenType.COMMA) {
      return true;
    }
    if (inTemplate(s, a)) {
      return false; // literal text keeps its own spacing
    }
    if (s == TokenType.IDENT
        && subject.text.equals("in")
        && before != null
        && before.type == TokenType.IDENT) {
      return true; // "for x in [..]": "in" is a keyword here, not a name to index
    }
    if (a == TokenType.OBRACK
        && (s == TokenType.IDENT || s == TokenType.NUMBER || s.bracketChange() < 0)) {
      return false;
    }
    if (s == TokenType.MINUS) {
      // Negation or subtraction? A minus that cannot follow the end of an operand is a negation.
      return before != null && !BEFORE_NEGATION.contains(before.type);
    }
    if (s == TokenType.OBRACE || a == TokenType.CBRACE) {
      return !(s == TokenType.OBRACE && a == TokenType.CBRACE);
    }
    if ((s == TokenType.TEMPLATE_INTERP || s == TokenType.TEMPLATE_CONTROL)
        && a == TokenType.OBRACE) {
      return true;
    }
    if (s == TokenType.CBRACE && a == TokenType.TEMPLATE_SEQ_END) {
      return true;
    }
    if (s == TokenType.TEMPLATE_SEQ_END
        && (a == TokenType.TEMPLATE_INTERP || a == TokenType.TEMPLATE_CONTROL)) {
      return false; // a space here would be template text
    }
    if (s.bracketChange() > 0 || a.bracketChange() < 0) {
      return false;
    }
    return true;
  }

  private static boolean inTemplate(TokenType s, TokenType a) {
    return s == TokenType.QUOTED_LIT
        || s == TokenType.STRING_LIT
        || s == TokenType.OQUOTE
        || s == TokenType.OHEREDOC
        || a == TokenType.QUOTED_LIT
        || a == TokenType.STRING_LIT
        || a == TokenType.CQUOTE
        || a == TokenType.CHEREDOC;
  }
}
