package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The parser's view of the tokens: comments dropped (a line comment counts as the newline it ends
 * with), newlines either significant or skipped depending on context (they are skipped inside
 * parentheses, brackets and interpolations), and HCL's recovery helpers that skip to a likely
 * resynchronization point after a syntax error. Not thread-safe.
 */
final class TokenStream {
  private final List<Token> tokens;
  private final Deque<Boolean> includeNewlines = new ArrayDeque<>();
  private int next;
  private int prev = -1;

  /** Set once a recovery has skipped tokens, to silence errors that would only be noise. */
  boolean recovery;

  TokenStream(List<Token> raw) {
    tokens = new ArrayList<>(raw.size());
    for (Token t : raw) {
      if (t.type() != TokenType.COMMENT) {
        tokens.add(t);
      } else if (t.endsLine()) {
        tokens.add(new Token(TokenType.NEWLINE, t.text(), t.range()));
      }
    }
    includeNewlines.push(true);
  }

  void pushNewlines(boolean include) {
    includeNewlines.push(include);
  }

  void popNewlines() {
    includeNewlines.pop();
  }

  private int skip(int i) {
    if (!includeNewlines.peek()) {
      while (tokens.get(i).type() == TokenType.NEWLINE) {
        i++;
      }
    }
    return i;
  }

  Token peek() {
    return tokens.get(skip(next));
  }

  Token read() {
    int i = skip(next);
    Token t = tokens.get(i);
    prev = i;
    if (t.type() != TokenType.EOF) {
      next = i + 1;
    }
    return t;
  }

  /** The range of the token read last (or the first token, before any read). */
  Range prevRange() {
    return tokens.get(Math.max(prev, 0)).range();
  }

  Range nextRange() {
    return peek().range();
  }

  /**
   * Skips to the token {@code end} that closes the current bracket (skipping nested pairs) and
   * returns it, positioned after it. Stops at EOF, and also (without consuming it) at a closer that
   * belongs to an enclosing bracket, so that a missing {@code ]} does not swallow the rest of the
   * block around it.
   */
  Token recover(TokenType end) {
    recovery = true;
    Deque<TokenType> open = new ArrayDeque<>();
    while (true) {
      Token t = peek();
      TokenType ty = t.type();
      if (ty == TokenType.EOF) {
        return t;
      }
      if (isOpener(ty)) {
        open.push(ty);
      } else if (isCloser(ty)) {
        if (open.isEmpty()) {
          if (ty == end) {
            return read();
          }
          return t; // an outer closer: leave it to the enclosing construct
        }
        popTo(open, ty);
      }
      read();
    }
  }

  private static boolean isOpener(TokenType t) {
    return switch (t) {
      case OBRACE, OBRACK, OPAREN, OQUOTE, OHEREDOC, TEMPLATE_INTERP, TEMPLATE_CONTROL -> true;
      default -> false;
    };
  }

  private static boolean isCloser(TokenType t) {
    return switch (t) {
      case CBRACE, CBRACK, CPAREN, CQUOTE, CHEREDOC, TEMPLATE_SEQ_END -> true;
      default -> false;
    };
  }

  /**
   * Skips to the newline that ends the current body item, outside any brackets; stops before a
   * closer of an enclosing bracket (the end of the block the item is in).
   */
  void recoverAfterBodyItem() {
    recovery = true;
    Deque<TokenType> open = new ArrayDeque<>();
    while (true) {
      Token t = peek();
      TokenType ty = t.type();
      if (ty == TokenType.EOF || (isCloser(ty) && open.isEmpty())) {
        return;
      }
      read();
      if (ty == TokenType.NEWLINE && open.isEmpty()) {
        return;
      } else if (isOpener(ty)) {
        open.push(ty);
      } else if (isCloser(ty)) {
        popTo(open, ty);
      }
    }
  }

  /** Pops the opener that {@code closer} matches and anything left open inside it. */
  private static void popTo(Deque<TokenType> open, TokenType closer) {
    while (!open.isEmpty() && !matches(open.peek(), closer)) {
      open.pop();
    }
    if (!open.isEmpty()) {
      open.pop();
    }
  }

  private static boolean matches(TokenType opener, TokenType closer) {
    if (closer == TokenType.TEMPLATE_SEQ_END) {
      return opener == TokenType.TEMPLATE_INTERP || opener == TokenType.TEMPLATE_CONTROL;
    }
    return opposite(opener) == closer;
  }

  static TokenType opposite(TokenType t) {
    return switch (t) {
      case OBRACE -> TokenType.CBRACE;
      case OBRACK -> TokenType.CBRACK;
      case OPAREN -> TokenType.CPAREN;
      case OQUOTE -> TokenType.CQUOTE;
      case OHEREDOC -> TokenType.CHEREDOC;
      case CBRACE -> TokenType.OBRACE;
      case CBRACK -> TokenType.OBRACK;
      case CPAREN -> TokenType.OPAREN;
      case CQUOTE -> TokenType.OQUOTE;
      case CHEREDOC -> TokenType.OHEREDOC;
      case TEMPLATE_CONTROL, TEMPLATE_INTERP -> TokenType.TEMPLATE_SEQ_END;
      case TEMPLATE_SEQ_END -> TokenType.TEMPLATE_INTERP;
      default -> null;
    };
  }
}
