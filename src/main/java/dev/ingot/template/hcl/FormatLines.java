package dev.ingot.template.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout passes of {@link Formatter}, following hclwrite: split tokens into lines of up to
 * three cells (lead, assignment from {@code =}, trailing comment), indent by bracket nesting, set
 * the spaces between tokens within each cell, then align the assignment and comment cells of
 * consecutive lines.
 */
final class FormatLines {
  /** One source line; a heredoc counts as part of the line that opens it. */
  static final class Line {
    List<Formatter.Tok> lead = List.of();
    List<Formatter.Tok> assign;
    List<Formatter.Tok> comment;
  }

  private FormatLines() {}

  static void format(List<Formatter.Tok> toks) {
    List<Line> lines = lines(toks);
    indent(lines);
    for (Line l : lines) {
      FormatSpaces.apply(l.lead);
      if (l.assign != null) {
        l.assign.get(0).spacesBefore = 1;
        FormatSpaces.apply(l.assign);
      }
    }
    alignAssignments(lines);
    alignComments(lines);
  }

  private static boolean endsLine(Formatter.Tok t) {
    return t.type == TokenType.NEWLINE || (t.type == TokenType.COMMENT && t.text.endsWith("\n"));
  }

  private static List<Line> lines(List<Formatter.Tok> toks) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < toks.size(); i++) {
      Formatter.Tok t = toks.get(i);
      if (t.type == TokenType.EOF) {
        lines.add(line(toks.subList(start, i)));
        break;
      }
      if (endsLine(t)) {
        lines.add(line(toks.subList(start, i + 1)));
        start = i + 1;
      }
    }
    return lines;
  }

  private static Line line(List<Formatter.Tok> lead) {
    Line l = new Line();
    l.lead = lead;
    if (lead.isEmpty()) {
      return l;
    }
    if (lead.size() > 1 && lead.get(lead.size() - 1).type == TokenType.COMMENT) {
      l.comment = lead.subList(lead.size() - 1, lead.size());
      l.lead = lead = lead.subList(0, lead.size() - 1);
    }
    for (int i = 1; i < lead.size(); i++) {
      if (lead.get(i).type == TokenType.EQUAL) {
        // Only a whole expression on this line makes an aligned assignment; an opening bracket
        // means the value continues on the next lines.
        if (net(lead.subList(i, lead.size())) == 0) {
          l.assign = lead.subList(i, lead.size());
          l.lead = lead.subList(0, i);
        }
        break;
      }
    }
    return l;
  }

  private static int net(List<Formatter.Tok> toks) {
    int n = 0;
    for (Formatter.Tok t : toks) {
      n += t.type.bracketChange();
    }
    return n;
  }

  /**
   * A line with more openers than closers indents the following lines one level; closers undo the
   * levels pushed before, so lopsided lines do not drift the indentation.
   */
  private static void indent(List<Line> lines) {
    List<Integer> stack = new ArrayList<>();
    for (Line line : lines) {
      if (line.lead.isEmpty()) {
        continue;
      }
      Formatter.Tok first = line.lead.get(0);
      if (first.type == TokenType.NEWLINE) {
        first.spacesBefore = 0;
        continue;
      }
      int n = net(line.lead) + (line.assign == null ? 0 : net(line.assign));
      if (n > 0) {
        first.spacesBefore = 2 * stack.size();
        stack.add(n);
        continue;
      }
      int closed = -n;
      while (closed > 0 && !stack.isEmpty()) {
        int top = stack.get(stack.size() - 1);
        if (closed >= top) {
          closed -= top;
          stack.remove(stack.size() - 1);
        } else {
          stack.set(stack.size() - 1, top - closed);
          closed = 0;
        }
      }
      first.spacesBefore = 2 * stack.size();
    }
  }

  private static int columns(List<Formatter.Tok> toks) {
    int n = 0;
    if (toks != null) {
      for (Formatter.Tok t : toks) {
        n += t.spacesBefore + t.text.codePointCount(0, t.text.length());
      }
    }
    return n;
  }

  private static void alignAssignments(List<Line> lines) {
    int chainStart = -1;
    int max = 0;
    for (int i = 0; i <= lines.size(); i++) {
      Line line = i < lines.size() ? lines.get(i) : null;
      if (line == null || line.assign == null) {
        if (chainStart >= 0) {
          for (Line c : lines.subList(chainStart, i)) {
            c.assign.get(0).spacesBefore = max - columns(c.lead) + 1;
          }
          chainStart = -1;
          max = 0;
        }
        continue;
      }
      if (chainStart < 0) {
        chainStart = i;
      }
      max = Math.max(max, columns(line.lead));
    }
  }

  private static void alignComments(List<Line> lines) {
    int chainStart = -1;
    int max = 0;
    for (int i = 0; i <= lines.size(); i++) {
      Line line = i < lines.size() ? lines.get(i) : null;
      if (line == null || line.comment == null) {
        if (chainStart >= 0) {
          for (Line c : lines.subList(chainStart, i)) {
            c.comment.get(0).spacesBefore = max - columns(c.lead) - columns(c.assign) + 1;
          }
          chainStart = -1;
          max = 0;
        }
        continue;
      }
      if (chainStart < 0) {
        chainStart = i;
      }
      max = Math.max(max, columns(line.lead) + columns(line.assign));
    }
  }
}
