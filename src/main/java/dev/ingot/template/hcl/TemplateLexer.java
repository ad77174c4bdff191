package dev.ingot.template.hcl;

import dev.ingot.diag.Pos;

/**
 * The template half of the {@link Lexer}: literal text of quoted strings, heredocs and bare
 * templates, and the {@code ${} / {@code %{} sequences that switch back to expressions.
 */
final class TemplateLexer {
  private final Cursor in;
  private final Lexer lexer;

  TemplateLexer(Cursor in, Lexer lexer) {
    this.in = in;
    this.lexer = lexer;
  }

  void quoted(Lexer.Frame f) {
    literal(f, true);
  }

  void bare(Lexer.Frame f) {
    literal(f, false);
  }

  void heredoc(Lexer.Frame f) {
    if (f.startOfLine && closingMarker(f)) {
      return;
    }
    literal(f, false);
  }

  /**
   * At {@code <<}: lexes {@code <<MARKER} or {@code <<-MARKER} and its newline as one token and
   * enters heredoc mode. Returns false, consuming nothing, if this is not a heredoc opener.
   */
  boolean heredocStart(Pos start, int off) {
    int i = 2;
    boolean flush = in.peekByte(i) == '-';
    if (flush) {
      i++;
    }
    int markerStart = i;
    if (!isMarkerByte(in.peekByte(i), true)) {
      return false;
    }
    while (isMarkerByte(in.peekByte(i), false)) {
      i++;
    }
    int markerEnd = i;
    if (in.peekByte(i) == '\r') {
      i++;
    }
    if (in.peekByte(i) != '\n') {
      return false;
    }
    in.advanceTo(off + markerStart);
    int mOff = in.offset();
    in.advanceTo(off + markerEnd);
    String marker = in.textFrom(mOff);
    in.advanceTo(off + i + 1);
    lexer.emit(TokenType.OHEREDOC, start, off);
    lexer.push(new Lexer.Frame(Lexer.Kind.HEREDOC, false, marker));
    return true;
  }

  private static boolean isMarkerByte(int b, boolean first) {
    if (b < 0) {
      return false;
    }
    if (b >= 0x80 || Character.isLetter(b) || b == '_') {
      return true;
    }
    return !first && (Character.isDigit(b) || b == '-');
  }

  /** At the start of a heredoc line: lexes the closing marker line, if this is one. */
  private boolean closingMarker(Lexer.Frame f) {
    int i = 0;
    while (in.peekByte(i) == ' ' || in.peekByte(i) == '\t') {
      i++;
    }
    String m = f.marker;
    byte[] mb = m.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte b : mb) {
      if (in.peekByte(i) != (b & 0xff)) {
        return false;
      }
      i++;
    }
    int end = i;
    if (in.peekByte(i) == '\r') {
      i++;
    }
    if (in.peekByte(i) != '\n') {
      return false; // Packer's HCL also requires the newline after the marker
    }
    Pos start = in.pos();
    int off = in.offset();
    in.advanceTo(off + end);
    lexer.emit(TokenType.CHEREDOC, start, off);
    Pos nl = in.pos();
    int nlOff = in.offset();
    in.advanceTo(off + i + 1);
    lexer.emit(TokenType.NEWLINE, nl, nlOff);
    lexer.pop();
    return true;
  }

  /**
   * Lexes literal text up to the next sequence opener, line end or (quoted) closing quote. Heredoc
   * and bare literals are split after each newline so that a formatter or the {@code <<-} rule can
   * see line starts.
   */
  private void literal(Lexer.Frame f, boolean quoted) {
    TokenType litType = quoted ? TokenType.QUOTED_LIT : TokenType.STRING_LIT;
    Pos start = in.pos();
    int off = in.offset();
    while (true) {
      int c = in.peek();
      if (c == Cursor.END) {
        flush(litType, start, off);
        return;
      }
      if (quoted && c == '"') {
        flush(litType, start, off);
        Pos q = in.pos();
        int qOff = in.offset();
        in.next();
        lexer.emit(TokenType.CQUOTE, q, qOff);
        lexer.pop();
        return;
      }
      if (quoted && (c == '\n' || in.lookingAt("\r\n"))) {
        flush(litType, start, off);
        unterminatedQuote(c == '\n' ? 1 : 2);
        return;
      }
      if (c == '\n') {
        in.next();
        flush(litType, start, off);
        f.startOfLine = true;
        return;
      }
      if ((c == '$' || c == '%') && in.peekByte(1) == '{') {
        flush(litType, start, off);
        openSequence(c == '$' ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL);
        f.startOfLine = false;
        return;
      }
      if ((c == '$' || c == '%') && in.peekByte(1) == c && in.peekByte(2) == '{') {
        in.skip(3); // escaped opener, decoded by the parser
      } else if (quoted && c == '\\') {
        in.next();
        int e = in.peek();
        if (e != Cursor.END && e != '\n' && !in.lookingAt("\r\n") && e != Cursor.BAD) {
          in.next();
        }
      } else if (c == Cursor.BAD) {
        flush(litType, start, off);
        Pos b = in.pos();
        int bOff = in.offset();
        in.next();
        lexer.emit(TokenType.INVALID, b, bOff);
        InvalidChars.badEncoding(lexer, b);
        start = in.pos();
        off = in.offset();
      } else {
        in.next();
      }
    }
  }

  /**
   * A newline inside a quoted string: reports it and closes the string (and any interpolation it
   * sits in) with zero-width tokens, so that the next line is read as normal syntax again.
   */
  private void unterminatedQuote(int newlineLength) {
    Pos nl = in.pos();
    int nlOff = in.offset();
    in.skip(newlineLength);
    lexer.diagnostic(
        "Invalid multi-line string",
        "Quoted strings may not be split over multiple lines. To produce a multi-line string,"
            + " either use the \\n escape to represent a newline character or use the"
            + " \"heredoc\" multi-line template syntax.",
        in.rangeFrom(nl));
    lexer.diagnostic(
        "Unterminated template string",
        "No closing marker was found for the string.",
        in.rangeFrom(nl));
    lexer.abandonQuoted(nl);
    lexer.emit(TokenType.NEWLINE, nl, nlOff);
  }

  private void openSequence(TokenType type) {
    Pos start = in.pos();
    int off = in.offset();
    in.skip(in.peekByte(2) == '~' ? 3 : 2);
    lexer.emit(type, start, off);
    lexer.push(new Lexer.Frame(Lexer.Kind.NORMAL, true, null));
  }

  private void flush(TokenType type, Pos start, int off) {
    if (in.offset() > off) {
      lexer.emit(type, start, off);
    }
  }
}
