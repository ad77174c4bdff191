package dev.ingot.build.ui;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packer's -machine-readable format: {@code timestamp,target,type,data…} per line, timestamp in
 * Unix seconds, commas in data written {@code %!(PACKER_COMMA)} and newlines {@code \n}. UI text
 * comes as {@code ,,ui,say|message|error,<text>}; the summary adds {@code error-count}, {@code
 * error}, {@code artifact-count} and {@code artifact,<i>,builder-id|id|string|files-count|file|end}
 * records, in Packer's order.
 */
public final class MachineReadableSink implements EventSink {
  private final PrintWriter out;

  public MachineReadableSink(PrintWriter out) {
    this.out = out;
  }

  /** Packer's escaping of one data field. */
  static String escape(String s) {
    return s.replace(",", "%!(PACKER_COMMA)").replace("\r", "\\r").replace("\n", "\\n");
  }

  private void record(long ts, String target, String type, String... data) {
    List<String> fields = new ArrayList<>(List.of(Long.toString(ts), target, type));
    for (String d : data) {
      fields.add(escape(d));
    }
    out.println(String.join(",", fields));
  }

  private void ui(long ts, TextLines.Line l) {
    String kind =
        switch (l.style()) {
          case SAY -> "say";
          case MESSAGE -> "message";
          case WARN, ERROR -> "error";
        };
    record(ts, "", "ui", kind, l.text());
  }

  @Override
  public void accept(Event e) {
    long ts = e.time().getEpochSecond();
    switch (e) {
      case Event.RunFinished r -> summary(ts, r);
      case Event.Progress p -> {
        if (p.total() > 0 && p.done() >= p.total()) {
          String text =
              "    " + TextLines.prefix(p.build(), p.component()) + ": " + TextLines.progress(p);
          ui(ts, new TextLines.Line(TextLines.Style.MESSAGE, p.build(), text));
        }
      }
      default -> TextLines.of(e).forEach(l -> ui(ts, l));
    }
  }

  private void summary(long ts, Event.RunFinished r) {
    long errors = r.outcomes().stream().filter(o -> o.error().isPresent()).count();
    String lastCounted = null;
    for (TextLines.SummaryItem item : TextLines.summary(r)) {
      BuildOutcome o = item.outcome();
      if (item.line().text().startsWith("\n==> Some builds")) {
        record(ts, "", "error-count", Long.toString(errors));
      }
      if (o != null && item.artifactIndex() < 0) {
        record(ts, o.build(), "error", o.error().orElse(""));
      }
      if (o != null && item.artifactIndex() >= 0) {
        if (!o.build().equals(lastCounted)) {
          record(ts, o.build(), "artifact-count", Integer.toString(o.artifacts().size()));
          lastCounted = o.build();
        }
        artifact(ts, o.build(), item.artifactIndex(), o.artifacts().get(item.artifactIndex()));
      }
      ui(ts, item.line());
    }
  }

  private void artifact(long ts, String build, int i, ArtifactInfo a) {
    String n = Integer.toString(i);
    record(ts, build, "artifact", n, "builder-id", a.producer());
    record(ts, build, "artifact", n, "id", a.id());
    record(ts, build, "artifact", n, "string", a.description());
    record(ts, build, "artifact", n, "files-count", Integer.toString(a.files().size()));
    for (int f = 0; f < a.files().size(); f++) {
      record(ts, build, "artifact", n, "file", Integer.toString(f), a.files().get(f));
    }
    record(ts, build, "artifact", n, "end");
  }

  @Override
  public void flush() {
    out.flush();
  }
}
