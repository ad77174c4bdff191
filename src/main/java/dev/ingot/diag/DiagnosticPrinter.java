package dev.ingot.diag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders diagnostics as text the way Packer (HCL's text writer) does:
 *
 * <pre>
 * Error: Unsupported argument
 *
 *   on example.pkr.hcl line 12, in source "null" "x":
 *   12:   comunicator = "none"
 *
 * An argument named "comunicator" is not expected here. Did you mean "communicator"?
 * </pre>
 *
 * Without colour, a line of carets under the source marks the subject range (Packer relies on
 * terminal underlining for that, which a log file loses). Instances are immutable and thread-safe.
 */
public final class DiagnosticPrinter {
  /**
   * How to render: {@code color} adds VT100 colour and underlining, {@code width} wraps details at
   * that many columns (0 = no wrapping), {@code carets} adds the caret line under the source.
   */
  public record Options(boolean color, int width, boolean carets) {
    /** Plain text, wrapped at 80 columns as Packer does, with carets. */
    public static final Options PLAIN = new Options(false, 80, true);

    /** Coloured terminal output, wrapped at 80 columns, no carets (the underline shows it). */
    public static final Options COLOR = new Options(true, 80, false);
  }

  private static final String RESET = "\u001b[0m";
  private static final String HIGHLIGHT = "\u001b[1;4m";

  private final SourceSet sources;
  private final Options options;

  public DiagnosticPrinter(SourceSet sources, Options options) {
    this.sources = sources == null ? SourceSet.empty() : sources;
    this.options = options == null ? Options.PLAIN : options;
  }

  /**
   * The diagnostics, one after the other, each ending with a blank line; after the first {@link
   * #MAX_SHOWN}, a line counting the rest (a damaged file can give thousands, and the first ones
   * are those to fix).
   */
  public String format(Diagnostics diagnostics) {
    StringBuilder out = new StringBuilder();
    List<Diagnostic> all = diagnostics.all();
    for (int i = 0; i < all.size() && i < MAX_SHOWN; i++) {
      out.append(format(all.get(i)));
    }
    if (all.size() > MAX_SHOWN) {
      long errors = all.stream().skip(MAX_SHOWN).filter(Diagnostic::isError).count();
      out.append("… and ")
          .append(all.size() - MAX_SHOWN)
          .append(" more (")
          .append(errors)
          .append(" errors) not shown; fix the ones above first.\n\n");
    }
    return out.toString();
  }

  /** How many diagnostics one report shows in full. */
  public static final int MAX_SHOWN = 50;

  /** One diagnostic, ending with a blank line. */
  public String format(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    String colorCode = "";
    String reset = "";
    if (options.color()) {
      colorCode = d.isError() ? "\u001b[31m" : "\u001b[33m";
      reset = RESET;
    }
    String severity = d.isError() ? "Error" : "Warning";
    out.append(colorCode).append(severity).append(reset).append(": ").append(d.summary());
    out.append("\n\n");
    if (d.subject() != null) {
      appendSnippet(d.subject(), out);
    }
    if (!d.detail().isEmpty()) {
      out.append(WordWrap.wrap(d.detail(), options.width())).append("\n\n");
    }
    return out.toString();
  }

  private void appendSnippet(Range subject, StringBuilder out) {
    String file = subject.filename();
    int line = subject.start().line();
    byte[] src = sources.bytes(file).orElse(null);
    if (src == null) {
      out.append("  on ").append(file).append(" line ").append(line).append(":\n");
      out.append("  (source code not available)\n\n");
      return;
    }
    String context = sources.contextAt(file, subject.start().byteOffset());
    out.append("  on ").append(file).append(" line ").append(line);
    if (!context.isEmpty()) {
      out.append(", in ").append(context);
    }
    out.append(":\n");
    int hlStart = subject.start().byteOffset();
    int hlEnd = Math.max(subject.end().byteOffset(), hlStart + 1); // show empty ranges as one
    List<int[]> lines = new ArrayList<>(); // {number, start, end} of each line the subject meets
    int lineNo = 1;
    int pos = 0;
    while (pos < src.length && pos < hlEnd) {
      int nl = indexOf(src, (byte) '\n', pos);
      int next = nl < 0 ? src.length : nl + 1;
      int end = nl < 0 ? src.length : nl;
      if (end > pos && src[end - 1] == '\r') {
        end--;
      }
      // A subject that starts on a line's end (an unterminated string, an expression missing
      // before the newline) belongs to that line: it printed no snippet at all.
      if (hlStart < next) {
        lines.add(new int[] {lineNo, pos, end});
      }
      pos = next;
      lineNo++;
    }
    if (lines.isEmpty() && hlStart >= src.length) {
      // At the end of the file: its last line with the caret after it, or the empty line after
      // the final newline, where the subject's line number points.
      int from = src.length == 0 ? 0 : lastIndexOf(src, (byte) '\n', src.length - 1) + 1;
      lines.add(new int[] {from == src.length ? lineNo : lineNo - 1, from, src.length});
      hlStart = src.length;
      hlEnd = src.length + 1;
    }
    if (!lines.isEmpty() && sources.hides(file, lines.getFirst()[1], lines.getLast()[2] + 1)) {
      out.append("  (source code not shown: it holds a sensitive value)\n\n");
      return;
    }
    for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
      int[] l = lines.get(i);
      appendLine(src, l[0], l[1], l[2], hlStart, hlEnd, out);
    }
    if (lines.size() > MAX_LINES) {
      out.append("      … (").append(lines.size() - MAX_LINES).append(" more lines)\n");
    }
    out.append('\n');
  }

  // A snippet shows a window of its subject: a diagnostic about a 300 KB one-line file repeated
  // the whole line each time, and a cascade of them printed gigabytes.
  private static final int MAX_LINES = 8;
  private static final int CONTEXT = 60;
  private static final int MAX_HIGHLIGHT = 120;

  private void appendLine(
      byte[] src, int lineNo, int start, int end, int hlStart, int hlEnd, StringBuilder out) {
    String prefix = String.format("%4d: ", lineNo);
    int a = Math.min(Math.max(start, hlStart), end);
    int b = Math.max(Math.min(end, hlEnd), a);
    String before = tail(text(src, start, a), CONTEXT);
    String highlighted = head(text(src, a, b), MAX_HIGHLIGHT);
    String after = head(text(src, b, end), CONTEXT);
    out.append(prefix);
    if (options.color() && !highlighted.isEmpty()) {
      out.append(before).append(HIGHLIGHT).append(highlighted).append(RESET).append(after);
    } else {
      out.append(before).append(highlighted).append(after);
    }
    out.append('\n');
    if (options.carets()) {
      out.append(" ".repeat(prefix.length()));
      before.codePoints().forEach(c -> out.append(c == '\t' ? '\t' : ' '));
      int n = Math.max(1, highlighted.codePointCount(0, highlighted.length()));
      out.append("^".repeat(n)).append('\n');
    }
  }

  /** The first {@code n} code points of {@code s}, with "…" when it was longer. */
  private static String head(String s, int n) {
    return s.codePointCount(0, s.length()) <= n
        ? s
        : s.substring(0, s.offsetByCodePoints(0, n)) + "…";
  }

  /** The last {@code n} code points of {@code s}, with "…" before them when it was longer. */
  private static String tail(String s, int n) {
    int count = s.codePointCount(0, s.length());
    return count <= n ? s : "…" + s.substring(s.offsetByCodePoints(0, count - n));
  }

  private static String text(byte[] src, int from, int to) {
    return new String(src, from, to - from, StandardCharsets.UTF_8);
  }

  private static int lastIndexOf(byte[] src, byte b, int from) {
    for (int i = from; i >= 0; i--) {
      if (src[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] src, byte b, int from) {
    for (int i = from; i < src.length; i++) {
      if (src[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
