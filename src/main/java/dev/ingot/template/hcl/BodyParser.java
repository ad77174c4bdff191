package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the structural language: bodies, attributes and blocks (HCL's recovery rules). */
final class BodyParser {
  private static final String BLOCK_DEF_REQUIRED = "Argument or block definition required";
  private static final String NOT_CLOSED =
      "There is no closing brace for this block before the end of the file. This may be caused"
          + " by incorrect brace nesting elsewhere in this file.";

  private final Parse p;
  private final TokenStream ts;
  private final ExprParser exprs;

  BodyParser(Parse p, ExprParser exprs) {
    this.p = p;
    this.ts = p.tokens;
    this.exprs = exprs;
  }

  /** Parses items until {@code end} (EOF for a file, {@code }} for a block). */
  Body body(TokenType end, Range startRange) {
    List<BodyItem> items = new ArrayList<>();
    Map<String, Attribute> seen = new HashMap<>();
    Range endRange;
    while (true) {
      Token next = ts.peek();
      if (next.type() == end) {
        endRange = next.range();
        ts.read();
        break;
      }
      if (next.type() == TokenType.NEWLINE) {
        ts.read();
        continue;
      }
      if (next.type() == TokenType.IDENT) {
        // Each item starts afresh: an error in one argument should not hide one in the next.
        ts.recovery = false;
        BodyItem item = item();
        if (item instanceof Attribute a) {
          Attribute first = seen.putIfAbsent(a.name(), a);
          if (first != null) {
            p.error(
                "Attribute redefined",
                "The argument \""
                    + a.name()
                    + "\" was already set at "
                    + Ranges.describe(first.nameRange())
                    + ". Each argument may be set only once.",
                a.nameRange());
          }
        }
        if (item != null) {
          items.add(item);
        }
        continue;
      }
      Token bad = ts.read();
      if (!ts.recovery) {
        if (bad.type() == TokenType.OQUOTE) {
          p.error("Invalid argument name", "Argument names must not be quoted.", bad.range());
        } else if (bad.type() == TokenType.EOF && end == TokenType.CBRACE) {
          p.error("Unclosed configuration block", NOT_CLOSED, startRange);
        } else {
          p.error(
              BLOCK_DEF_REQUIRED, "An argument or block definition is required here.", bad.range());
        }
      }
      endRange = ts.prevRange();
      if (bad.type() == TokenType.EOF) {
        break;
      }
      // Unlike HCL, which skips the rest of the body, resume at the next line so that later
      // items are still parsed (and their errors reported).
      TokenType closer = TokenStream.opposite(bad.type());
      if (bad.type().bracketChange() > 0 && closer != null) {
        ts.recover(closer); // skip the stray bracket's content as a whole
      } else {
        ts.recoverAfterBodyItem();
      }
    }
    return new Body(items, Ranges.between(startRange, endRange), Ranges.endOf(endRange));
  }

  private BodyItem item() {
    Token ident = ts.read();
    Token next = ts.peek();
    switch (next.type()) {
      case EQUAL:
        return attribute(ident, false);
      case OQUOTE, OBRACE, IDENT:
        return block(ident);
      default:
        ts.recoverAfterBodyItem();
        p.error(
            BLOCK_DEF_REQUIRED,
            "An argument or block definition is required here. To set an argument, use the"
                + " equals sign \"=\" to introduce the argument value.",
            ident.range());
        return null;
    }
  }

  private Attribute attribute(Token ident, boolean singleLine) {
    Token eq = ts.read();
    int mark = p.errors();
    Expr expr = p.checkDepth(exprs.expression());
    Range endRange = ts.prevRange();
    if (p.failedSince(mark)) {
      ts.recoverAfterBodyItem();
    } else if (!singleLine) {
      Token end = ts.peek();
      if (end.type() != TokenType.NEWLINE && end.type() != TokenType.EOF) {
        if (end.type() == TokenType.COMMA) {
          p.errorUnlessRecovering(
              "Unexpected comma after argument",
              "Argument definitions must be separated by newlines, not commas. An argument"
                  + " definition must end with a newline.",
              end.range());
        } else {
          p.errorUnlessRecovering(
              "Missing newline after argument",
              "An argument definition must end with a newline.",
              end.range());
        }
        ts.recoverAfterBodyItem();
      } else {
        ts.read();
      }
    }
    Range range = Ranges.between(ident.range(), expr.range());
    return new Attribute(ident.text(), expr, range, ident.range(), eq.range());
  }

  private Block block(Token ident) {
    List<Block.Label> labels = new ArrayList<>();
    Token open;
    while (true) {
      Token t = ts.peek();
      if (t.type() == TokenType.OBRACE) {
        open = ts.read();
        break;
      } else if (t.type() == TokenType.OQUOTE) {
        labels.add(exprs.templates().quotedLabel());
      } else if (t.type() == TokenType.IDENT) {
        ts.read();
        labels.add(new Block.Label(t.text(), t.range()));
      } else {
        return badBlockHeader(ident, labels, t);
      }
    }
    if (!p.enter(open.range())) {
      Token close = ts.recover(TokenType.CBRACE);
      Body skipped =
          new Body(List.of(), Ranges.between(open.range(), close.range()), close.range());
      return new Block(
          ident.text(),
          labels,
          skipped,
          Ranges.between(ident.range(), close.range()),
          ident.range(),
          open.range(),
          close.range());
    }
    Body body;
    try {
      body = blockBody(ident, open);
    } finally {
      p.leave();
    }
    Range close = ts.prevRange();
    Token eol = ts.peek();
    if (eol.type() == TokenType.NEWLINE || eol.type() == TokenType.EOF) {
      ts.read();
    } else {
      p.errorUnlessRecovering(
          "Missing newline after block definition",
          "A block definition must end with a newline.",
          eol.range());
      ts.recoverAfterBodyItem();
    }
    return new Block(
        ident.text(),
        labels,
        body,
        Ranges.between(ident.range(), close),
        ident.range(),
        open.range(),
        close);
  }

  private Body blockBody(Token ident, Token open) {
    Token after = ts.peek();
    if (after.type() == TokenType.NEWLINE
        || after.type() == TokenType.EOF
        || after.type() == TokenType.CBRACE) {
      return body(TokenType.CBRACE, open.range());
    }
    return singleLineBody(ident, open);
  }

  private Block badBlockHeader(Token ident, List<Block.Label> labels, Token t) {
    switch (t.type()) {
      case EQUAL ->
          p.error(
              "Invalid block definition",
              "The equals sign \"=\" indicates an argument definition, and must not be used when"
                  + " defining a block.",
              t.range());
      case NEWLINE ->
          p.error(
              "Invalid block definition",
              "A block definition must have block content delimited by \"{\" and \"}\", starting"
                  + " on the same line as the block header.",
              t.range());
      default ->
          p.errorUnlessRecovering(
              "Invalid block definition",
              "Either a quoted string block label or an opening brace (\"{\") is expected here.",
              t.range());
    }
    ts.recoverAfterBodyItem();
    Range end = labels.isEmpty() ? ident.range() : labels.get(labels.size() - 1).range();
    Body empty = new Body(List.of(), ident.range(), Ranges.endOf(ident.range()));
    return new Block(
        ident.text(),
        labels,
        empty,
        Ranges.between(ident.range(), end),
        ident.range(),
        ident.range(),
        end);
  }

  /** {@code block { name = value }} on one line. */
  private Body singleLineBody(Token blockIdent, Token open) {
    List<BodyItem> items = new ArrayList<>();
    Token ident = ts.read();
    Token next = ts.peek();
    if (ident.type() != TokenType.IDENT) {
      ts.recoverAfterBodyItem();
      p.error(
          BLOCK_DEF_REQUIRED, "An argument or block definition is required here.", ident.range());
    } else if (next.type() == TokenType.EQUAL) {
      items.add(attribute(ident, true));
      closeSingleLine(open);
    } else if (next.type() == TokenType.OQUOTE
        || next.type() == TokenType.OBRACE
        || next.type() == TokenType.IDENT) {
      ts.recoverAfterBodyItem();
      p.error(
          "Argument definition required",
          "A single-line block definition can contain only a single argument. If you meant to"
              + " define argument \""
              + ident.text()
              + "\", use an equals sign to assign it a value. To define a nested block, place it"
              + " on a line of its own within its parent block.",
          Ranges.between(ident.range(), next.range()));
    } else {
      ts.recoverAfterBodyItem();
      p.error(
          BLOCK_DEF_REQUIRED,
          "An argument or block definition is required here. To set an argument, use the equals"
              + " sign \"=\" to introduce the argument value.",
          ident.range());
    }
    Range last = ts.prevRange();
    Range range = Ranges.between(open.range(), last);
    return new Body(items, range, Ranges.endOf(last));
  }

  private void closeSingleLine(Token open) {
    Token t = ts.peek();
    switch (t.type()) {
      case CBRACE -> ts.read();
      case COMMA -> {
        p.error(
            "Invalid single-argument block definition",
            "Single-line block syntax can include only one argument definition. To define"
                + " multiple arguments, use the multi-line block syntax with one argument"
                + " definition per line.",
            t.range());
        ts.recover(TokenType.CBRACE);
      }
      case NEWLINE -> {
        p.error(
            "Invalid single-argument block definition",
            "An argument definition on the same line as its containing block creates a"
                + " single-line block definition, which must also be closed on the same line."
                + " Place the block's closing brace immediately after the argument definition.",
            t.range());
        ts.recover(TokenType.CBRACE);
      }
      default -> {
        if (t.type() == TokenType.EOF) {
          p.errorUnlessRecovering("Unclosed configuration block", NOT_CLOSED, open.range());
        } else {
          p.errorUnlessRecovering(
              "Invalid single-argument block definition",
              "A single-line block definition must end with a closing brace immediately after"
                  + " its single argument definition.",
              t.range());
        }
        ts.recover(TokenType.CBRACE);
      }
    }
  }
}
