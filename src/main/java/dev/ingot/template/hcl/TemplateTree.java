package dev.ingot.template.hcl;

import dev.ingot.diag.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The second stage of template parsing: applies {@code <<-} indentation stripping, joins adjacent
 * literals and nests {@code if}/{@code for} directives into {@link TemplatePart} trees.
 */
final class TemplateTree {
  private final Parse p;
  private final List<TemplatePiece> pieces;
  private int pos;

  TemplateTree(Parse p, List<TemplatePiece> pieces) {
    this.p = p;
    this.pieces = pieces;
  }

  List<TemplatePart> root() {
    List<TemplatePart> out = new ArrayList<>();
    while (!(peek() instanceof TemplatePiece.End)) {
      out.add(part());
    }
    return out;
  }

  private TemplatePiece peek() {
    return pieces.get(pos);
  }

  private TemplatePiece read() {
    TemplatePiece t = pieces.get(pos);
    if (!(t instanceof TemplatePiece.End)) {
      pos++;
    }
    return t;
  }

  private TemplatePart part() {
    TemplatePiece t = read();
    return switch (t) {
      case TemplatePiece.Lit l -> new TemplatePart.Text(l.value, l.range);
      case TemplatePiece.Interp i -> new TemplatePart.Interp(i.expr(), i.range());
      case TemplatePiece.IfOpen i -> nested(i);
      case TemplatePiece.ForOpen f -> nested(f);
      case TemplatePiece.End e -> {
        p.error(
            "Unexpected end of template",
            "The control directives within this template are unbalanced.",
            e.range());
        yield new TemplatePart.Text("", e.range());
      }
      case TemplatePiece.Close c -> {
        // After a too-deep nesting the closing directives of the levels not parsed are expected.
        if (!p.pastDepthLimit()) {
          p.error(
              "Unexpected " + c.keyword() + " directive",
              "The control directives within this template are unbalanced.",
              c.range());
        }
        yield new TemplatePart.Text("", c.range());
      }
    };
  }

  /** A directive with its content, unless directives nest too deeply for the parser's stack. */
  private TemplatePart nested(TemplatePiece open) {
    if (!p.enter(open.range())) {
      return new TemplatePart.Text("", open.range());
    }
    try {
      return open instanceof TemplatePiece.IfOpen i
          ? ifPart(i)
          : forPart((TemplatePiece.ForOpen) open);
    } finally {
      p.leave();
    }
  }

  private TemplatePart ifPart(TemplatePiece.IfOpen open) {
    List<TemplatePart> then = new ArrayList<>();
    List<TemplatePart> otherwise = new ArrayList<>();
    List<TemplatePart> current = then;
    while (true) {
      TemplatePiece next = peek();
      if (next instanceof TemplatePiece.End end) {
        p.error(
            "Unexpected end of template",
            "The if directive at "
                + Ranges.describe(open.range())
                + " is missing its corresponding endif directive.",
            end.range());
        return new TemplatePart.Text("", end.range());
      }
      if (next instanceof TemplatePiece.Close c) {
        read();
        if (c.keyword().equals("endif")) {
          return new TemplatePart.If(
              open.condition(), then, otherwise, Ranges.between(open.range(), c.range()));
        }
        if (c.keyword().equals("else") && current == then) {
          current = otherwise;
          continue;
        }
        String detail =
            c.keyword().equals("else")
                ? "Already in the else clause for the if started at "
                    + Ranges.describe(open.range())
                    + "."
                : "Expecting an endif directive for the if started at "
                    + Ranges.describe(open.range())
                    + ".";
        p.error("Unexpected " + c.keyword() + " directive", detail, c.range());
        return new TemplatePart.Text("", c.range());
      }
      current.add(part());
    }
  }

  private TemplatePart forPart(TemplatePiece.ForOpen open) {
    List<TemplatePart> body = new ArrayList<>();
    while (true) {
      TemplatePiece next = peek();
      if (next instanceof TemplatePiece.End end) {
        p.error(
            "Unexpected end of template",
            "The for directive at "
                + Ranges.describe(open.range())
                + " is missing its corresponding endfor directive.",
            end.range());
        return new TemplatePart.Text("", end.range());
      }
      if (next instanceof TemplatePiece.Close c) {
        read();
        if (c.keyword().equals("endfor")) {
          return new TemplatePart.For(
              open.keyVar(),
              open.valueVar(),
              open.collection(),
              body,
              Ranges.between(open.range(), c.range()));
        }
        String detail =
            c.keyword().equals("else")
                ? "An else clause is not expected for a for directive."
                : "Expecting an endfor directive corresponding to the for directive at "
                    + Ranges.describe(open.range())
                    + ".";
        p.error("Unexpected " + c.keyword() + " directive", detail, c.range());
        return new TemplatePart.Text("", c.range());
      }
      body.add(part());
    }
  }

  /**
   * {@code <<-}: removes from every line-leading literal as many leading spaces as the least
   * indented line has. Blank lines do not count; a line starting with an interpolation counts as
   * zero. Works on the literals, so interpolated values never change the indentation.
   */
  static void flushHeredoc(List<TemplatePiece> pieces) {
    int min = Integer.MAX_VALUE;
    boolean newline = true;
    List<TemplatePiece.Lit> adjust = new ArrayList<>();
    for (TemplatePiece t : pieces) {
      if (newline) {
        newline = false;
        if (t instanceof TemplatePiece.Lit lit) {
          String trimmed = Spaces.trimLeft(lit.value);
          if (!(trimmed.isEmpty() && lit.value.endsWith("\n"))) {
            min = Math.min(min, Spaces.leading(lit.value));
            adjust.add(lit);
          }
        } else if (t instanceof TemplatePiece.End) {
          break;
        } else {
          min = 0;
        }
      }
      if (t instanceof TemplatePiece.Lit lit && lit.value.endsWith("\n")) {
        newline = true;
      }
    }
    if (min == Integer.MAX_VALUE || min == 0) {
      return;
    }
    for (TemplatePiece.Lit lit : adjust) {
      int cut =
          lit.value.offsetByCodePoints(
              0, Math.min(min, lit.value.codePointCount(0, lit.value.length())));
      String removed = lit.value.substring(0, cut);
      lit.value = lit.value.substring(cut);
      lit.range =
          new Range(
              lit.range.filename(), Ranges.advance(lit.range.start(), removed), lit.range.end());
    }
  }

  /** Joins consecutive literals into one, after all trimming (in linear time). */
  static void meld(List<TemplatePiece> pieces) {
    List<TemplatePiece> out = new ArrayList<>(pieces.size());
    StringBuilder text = null;
    TemplatePiece.Lit first = null;
    for (TemplatePiece t : pieces) {
      if (t instanceof TemplatePiece.Lit lit) {
        if (first == null) {
          first = lit;
          text = new StringBuilder(lit.value);
          out.add(lit);
        } else {
          text.append(lit.value);
          first.range = Ranges.between(first.range, lit.range);
        }
        continue;
      }
      if (first != null) {
        first.value = text.toString();
        first = null;
      }
      out.add(t);
    }
    if (first != null) {
      first.value = text.toString();
    }
    pieces.clear();
    pieces.addAll(out);
  }
}
