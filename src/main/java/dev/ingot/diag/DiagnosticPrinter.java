package dev.ingot.diag;

import java.nio.charset.StandardCharsets;

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

  /** All diagnostics, one after the other, each ending with a blank line. */
  public String format(Diagnostics diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics.all()) {
      out.append(format(d));
    }
    return out.toString();
  }

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
    int lineNo = 1;
    int pos = 0;
    while (pos < src.length) {
      int nl = indexOf(src, (byte) '\n', pos);
      int next = nl < 0 ? src.length : nl + 1;
      int end = nl < 0 ? src.length : nl;
      if (end > pos && src[end - 1] == '\r') {
        end--;
      }
      if (pos < hlEnd && hlStart < Math.max(end, pos + 1)) {
        appendLine(src, lineNo, pos, end, hlStart, hlEnd, out);
      }
      pos = next;
      lineNo++;
    }
    out.append('\n');
  }

  private void appendLine(
      byte[] src, int lineNo, int start, int end, int hlStart, int hlEnd, StringBuilder out) {
    String prefix = String.format("%4d: ", lineNo);
    int a = Math.min(Math.max(start, hlStart), end);
    int b = Math.max(Math.min(end, hlEnd), a);
    String before = text(src, start, a);
    String highlighted = text(src, a, b);
    String after = text(src, b, end);
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

  private static String text(byte[] src, int from, int to) {
    return new String(src, from, to - from, StandardCharsets.UTF_8);
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
