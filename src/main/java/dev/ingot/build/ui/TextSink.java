package dev.ingot.build.ui;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The human UI, as Packer's: {@code ==> null.example: …} in the build's colour, command output
 * indented. {@code color} adds ANSI colours (the CLI turns it off for non-terminals and NO_COLOR);
 * {@code timestamps} prefixes RFC 3339 times (-timestamp-ui); on a {@code tty} progress is one line
 * redrawn in place (at most every 100 ms), elsewhere a plain line per quarter done.
 */
public final class TextSink implements EventSink {
  private static final int[] PALETTE = {32, 36, 35, 33, 34};
  private static final Duration REDRAW = Duration.ofMillis(100);

  private final PrintWriter out;
  private final boolean color;
  private final boolean timestamps;
  private final boolean tty;
  private final Map<String, Integer> colours = new HashMap<>();
  private final Map<String, Long> shownQuarter = new HashMap<>();
  private final Map<String, Instant> lastDraw = new HashMap<>();
  private String openProgress;

  public TextSink(PrintWriter out, boolean color, boolean timestamps, boolean tty) {
    this.out = out;
    this.color = color;
    this.timestamps = timestamps;
    this.tty = tty;
  }

  @Override
  public void accept(Event e) {
    switch (e) {
      case Event.RunStarted r -> started(r);
      case Event.Progress p -> progress(p);
      case Event.RunFinished r -> {
        for (TextLines.SummaryItem item : TextLines.summary(r)) {
          print(item.line(), r.time());
        }
      }
      default -> {
        for (TextLines.Line l : TextLines.of(e)) {
          print(l, e.time());
        }
      }
    }
  }

  private void started(Event.RunStarted r) {
    for (int i = 0; i < r.builds().size(); i++) {
      colours.put(r.builds().get(i), PALETTE[i % PALETTE.length]);
    }
    if (color) {
      for (String b : r.builds()) {
        print(
            new TextLines.Line(TextLines.Style.SAY, b, b + ": output will be in this color."),
            r.time());
      }
      out.println();
    }
  }

  private void progress(Event.Progress p) {
    String key = p.build() + "\u0000" + p.component() + "\u0000" + p.task();
    boolean complete = p.total() > 0 && p.done() >= p.total();
    String text =
        "    " + TextLines.prefix(p.build(), p.component()) + ": " + TextLines.progress(p);
    TextLines.Line line = new TextLines.Line(TextLines.Style.MESSAGE, p.build(), text);
    if (tty) {
      Instant last = lastDraw.get(key);
      if (!complete && last != null && Duration.between(last, p.time()).compareTo(REDRAW) < 0) {
        return;
      }
      lastDraw.put(key, p.time());
      clearOpen();
      if (complete) {
        lastDraw.remove(key);
        openProgress = null;
        print(line, p.time());
      } else {
        openProgress = decorate(line, p.time());
        out.print(openProgress);
      }
      return;
    }
    long quarter = p.total() > 0 ? Math.min(4, p.done() * 4 / p.total()) : -1;
    Long shown = shownQuarter.get(key);
    if (quarter < 0 || (shown != null && shown >= quarter)) {
      return;
    }
    shownQuarter.put(key, quarter);
    print(line, p.time());
  }

  private void clearOpen() {
    if (openProgress != null) {
      out.print("\r\033[K");
    }
  }

  private void print(TextLines.Line l, Instant time) {
    clearOpen();
    List<String> parts = List.of(l.text().split("\n", -1));
    for (String part : parts) {
      if (part.isEmpty()) {
        out.println();
      } else {
        out.println(decorate(new TextLines.Line(l.style(), l.build(), part), time));
      }
    }
    if (openProgress != null) {
      out.print(openProgress);
    }
  }

  private String decorate(TextLines.Line l, Instant time) {
    String text = l.text();
    if (timestamps) {
      text =
          DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)) + ": " + text;
    }
    if (!color) {
      return text;
    }
    String code =
        switch (l.style()) {
          case ERROR -> "1;31";
          case WARN -> "1;33";
          case SAY -> l.build() == null ? null : "1;" + colours.getOrDefault(l.build(), 32);
          case MESSAGE -> l.build() == null ? null : "0;" + colours.getOrDefault(l.build(), 32);
        };
    return code == null ? text : "\033[" + code + "m" + text + "\033[0m";
  }

  @Override
  public void flush() {
    out.flush();
  }
}
