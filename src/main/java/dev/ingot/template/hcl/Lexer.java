package dev.ingot.template.hcl;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits HCL native-syntax source into tokens, comments and newlines included, so that both the
 * parser and the formatter work from the same stream. Templates (quoted strings, heredocs and
 * bare template files) are lexed with a stack of modes: {@code ${} and {@code %{} switch back to
 * expression mode until the matching {@code }}. Characters that have no meaning become {@link
 * TokenType#INVALID} tokens with a diagnostic; lexing never fails. Stateless and thread-safe (each
 * call uses its own state).
 */
public final class Lexer {
  /** What the input is: a configuration file or expression, or a bare template. */
  public enum Mode {
    NORMAL,
    TEMPLATE
  }

  /** The tokens of one input (always ending with {@link TokenType#EOF}) and lexer problems. */
  public record Result(List<Token> tokens, Diagnostics diagnostics) {
    public Result {
      tokens = List.copyOf(tokens);
    }
  }

  enum Kind {
    NORMAL,
    QUOTED,
    HEREDOC,
    BARE
  }

  /** One entry of the mode stack. */
  static final class Frame {
    final Kind kind;
    final boolean sequence; // a NORMAL frame opened by ${ or %{
    final String marker; // heredoc marker
    int braces;
    boolean startOfLine = true;

    Frame(Kind kind, boolean sequence, String marker) {
      this.kind = kind;
      this.sequence = sequence;
      this.marker = marker;
    }
  }

  private final Cursor in;
  private final List<Token> out = new ArrayList<>();
  private final List<Diagnostic> diags = new ArrayList<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Map<String, Integer> told = new HashMap<>();
  private final TemplateLexer templates;

  private Lexer(byte[] src, String filename, Pos start) {
    this.in = new Cursor(src, filename, start);
    this.templates = new TemplateLexer(in, this);
  }

  /** Lexes {@code src} of {@code filename} starting at {@link Pos#START}. */
  public static Result lex(byte[] src, String filename, Mode mode) {
    return lex(src, filename, Pos.START, mode);
  }

  /** Lexes {@code src}, whose first byte is at {@code start} of {@code filename}. */
  public static Result lex(byte[] src, String filename, Pos start, Mode mode) {
    Lexer l = new Lexer(src, filename, start);
    return l.run(mode);
  }

  private Result run(Mode mode) {
    if (isBom()) {
      in.skip(1); // a UTF-8 byte order mark is tolerated, as Packer does
    }
    frames.push(new Frame(mode == Mode.TEMPLATE ? Kind.BARE : Kind.NORMAL, false, null));
    while (!in.atEnd()) {
      Frame f = frames.peek();
      switch (f.kind) {
        case NORMAL -> normal(f);
        case QUOTED -> templates.quoted(f);
        case HEREDOC -> templates.heredoc(f);
        case BARE -> templates.bare(f);
      }
    }
    Pos end = in.pos();
    out.add(new Token(TokenType.EOF, "", in.rangeFrom(end)));
    return new Result(out, new Diagnostics(diags));
  }

  private boolean isBom() {
    return in.peekByte(0) == 0xef && in.peekByte(1) == 0xbb && in.peekByte(2) == 0xbf;
  }

  void emit(TokenType type, Pos start, int startOffset) {
    out.add(new Token(type, in.textFrom(startOffset), in.rangeFrom(start)));
  }

  /** Reports a bad character, at most {@link InvalidChars#limit} times per kind. */
  void error(String summary, String detail, Pos start) {
    String kind = summary + "\n" + detail;
    int n = told.merge(kind, 1, Integer::sum);
    if (n <= InvalidChars.limit(summary, detail)) {
      diags.add(Diagnostic.error(summary, detail, in.rangeFrom(start)));
    }
  }

  void diagnostic(String summary, String detail, Range subject) {
    diags.add(Diagnostic.error(summary, detail, subject));
  }

  /** Closes the quoted strings (and interpolations within them) open at {@code at}. */
  void abandonQuoted(Pos at) {
    Range here = new Range(in.rangeFrom(at).filename(), at, at);
    while (frames.size() > 1) {
      Frame top = frames.pop();
      Frame below = frames.peek();
      if (top.kind == Kind.QUOTED) {
        out.add(new Token(TokenType.CQUOTE, "", here));
      } else if (top.kind == Kind.NORMAL && top.sequence && below.kind == Kind.QUOTED) {
        out.add(new Token(TokenType.TEMPLATE_SEQ_END, "", here));
      } else {
        frames.push(top);
        return;
      }
    }
  }

  void push(Frame f) {
    frames.push(f);
  }

  void pop() {
    if (frames.size() > 1) {
      frames.pop();
    }
  }

  /** Lexes one token (or skips whitespace) in expression mode. */
  private void normal(Frame f) {
    int c = in.peek();
    if (c == ' ' || c == '\t') {
      in.next();
      return;
    }
    Pos start = in.pos();
    int off = in.offset();
    if (c == '\n' || in.lookingAt("\r\n")) {
      in.skip(c == '\n' ? 1 : 2);
      emit(TokenType.NEWLINE, start, off);
    } else if (c == '#' || in.lookingAt("//")) {
      lineComment(start, off);
    } else if (in.lookingAt("/*") && blockComment(start, off)) {
      return;
    } else if (c >= '0' && c <= '9') {
      number(start, off);
    } else if (Chars.isIdentStart(c)) {
      in.next();
      while (Chars.isIdentPart(in.peek())) {
        in.next();
      }
      emit(TokenType.IDENT, start, off);
    } else if (c == '"') {
      in.next();
      emit(TokenType.OQUOTE, start, off);
      push(new Frame(Kind.QUOTED, false, null));
    } else if (in.lookingAt("<<") && templates.heredocStart(start, off)) {
      return;
    } else if (c == '{') {
      in.next();
      f.braces++;
      emit(TokenType.OBRACE, start, off);
    } else if (c == '}' || (c == '~' && in.peekByte(1) == '}' && f.sequence && f.braces == 0)) {
      closeBrace(f, start, off);
    } else {
      punctuation(c, start, off);
    }
  }

  private void closeBrace(Frame f, Pos start, int off) {
    if (f.sequence && f.braces == 0) {
      in.skip(in.peek() == '~' ? 2 : 1);
      emit(TokenType.TEMPLATE_SEQ_END, start, off);
      pop();
      return;
    }
    in.next();
    f.braces = Math.max(0, f.braces - 1);
    emit(TokenType.CBRACE, start, off);
  }

  private void lineComment(Pos start, int off) {
    while (!in.atEnd() && in.peek() != '\n') {
      in.next();
    }
    in.next(); // the newline belongs to the comment, as in HCL
    emit(TokenType.COMMENT, start, off);
  }

  /** Lexes {@code /* ... *\/}; false (consuming nothing) if it is not closed. */
  private boolean blockComment(Pos start, int off) {
    int i = 2;
    while (in.peekByte(i) != -1) {
      if (in.peekByte(i) == '*' && in.peekByte(i + 1) == '/') {
        while (in.offset() < off + i + 2) {
          in.next();
        }
        emit(TokenType.COMMENT, start, off);
        return true;
      }
      i++;
    }
    return false; // HCL then reads the "/" as a division sign
  }

  private void number(Pos start, int off) {
    digits();
    if (in.peek() == '.' && isDigit(in.peekByte(1))) {
      in.next();
      digits();
    }
    int e = in.peek();
    if (e == 'e' || e == 'E') {
      int sign = in.peekByte(1);
      if (isDigit(sign)) {
        in.next();
        digits();
      } else if ((sign == '+' || sign == '-') && isDigit(in.peekByte(2))) {
        in.skip(2);
        digits();
      }
    }
    emit(TokenType.NUMBER, start, off);
  }

  private void digits() {
    while (isDigit(in.peek())) {
      in.next();
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void punctuation(int c, Pos start, int off) {
    TokenType two = twoCharOperator();
    if (two != null) {
      in.skip(two == TokenType.ELLIPSIS ? 3 : 2);
      emit(two, start, off);
      return;
    }
    TokenType one =
        switch (c) {
          case '[' -> TokenType.OBRACK;
          case ']' -> TokenType.CBRACK;
          case '(' -> TokenType.OPAREN;
          case ')' -> TokenType.CPAREN;
          case ',' -> TokenType.COMMA;
          case '?' -> TokenType.QUESTION;
          case ':' -> TokenType.COLON;
          case '+' -> TokenType.PLUS;
          case '-' -> TokenType.MINUS;
          case '*' -> TokenType.STAR;
          case '/' -> TokenType.SLASH;
          case '%' -> TokenType.PERCENT;
          case '.' -> TokenType.DOT;
          case '=' -> TokenType.EQUAL;
          case '!' -> TokenType.BANG;
          case '<' -> TokenType.LESS;
          case '>' -> TokenType.GREATER;
          default -> null;
        };
    in.next();
    if (one != null) {
      emit(one, start, off);
      return;
    }
    emit(TokenType.INVALID, start, off);
    InvalidChars.report(c, this, start);
  }

  private TokenType twoCharOperator() {
    if (in.lookingAt("...")) {
      return TokenType.ELLIPSIS;
    }
    if (in.atEnd() || in.peekByte(1) == -1) {
      return null;
    }
    String two = "" + (char) in.peekByte(0) + (char) in.peekByte(1);
    return switch (two) {
      case "==" -> TokenType.EQUAL_OP;
      case "!=" -> TokenType.NOT_EQUAL;
      case "<=" -> TokenType.LESS_EQ;
      case ">=" -> TokenType.GREATER_EQ;
      case "&&" -> TokenType.AND;
      case "||" -> TokenType.OR;
      case "=>" -> TokenType.FAT_ARROW;
      default -> null;
    };
  }
}
