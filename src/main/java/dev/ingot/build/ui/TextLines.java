package dev.ingot.build.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the human UI, shared by the text and machine-readable sinks so both say the same
 * thing as Packer does ({@code ==> null.example: …} for steps, four spaces for command output).
 */
final class TextLines {
  private TextLines() {}

  /** How a line is shown: a step message, command output, a warning, an error. */
  enum Style {
    SAY,
    MESSAGE,
    WARN,
    ERROR
  }

  /** One line of text; {@code build} is null for lines of the end-of-run summary. */
  record Line(Style style, String build, String text) {}

  static String prefix(String build, String component) {
    return component == null || component.isEmpty() ? build : build + " (" + component + ")";
  }

  /** The lines of every event except the run summary and progress (sinks render those). */
  static List<Line> of(Event e) {
    return switch (e) {
      case Event.RunStarted x -> List.of();
      case Event.BuildStarted x -> List.of();
      case Event.ArtifactMade x -> List.of();
      case Event.Progress x -> List.of();
      case Event.RunFinished x -> List.of();
      case Event.StepFinished x -> List.of();
      case Event.StepStarted x -> stepStarted(x);
      case Event.Log x -> List.of(log(x));
      case Event.ErrorReported x ->
          List.of(
              new Line(
                  Style.ERROR,
                  x.build(),
                  "==> " + prefix(x.build(), x.component()) + ": " + x.message()));
      case Event.BuildFinished x -> List.of(buildFinished(x));
    };
  }

  private static List<Line> stepStarted(Event.StepStarted x) {
    String p = "==> " + x.build() + ": ";
    return switch (x.kind()) {
      case SOURCE -> List.of();
      case CUSTOMIZE ->
          List.of(
              new Line(Style.SAY, x.build(), p + "Customizing the root filesystem (source block)"));
      case PROVISIONER ->
          List.of(new Line(Style.SAY, x.build(), p + "Running provisioner: " + x.type()));
      case ERROR_CLEANUP ->
          List.of(
              new Line(Style.SAY, x.build(), p + "Running error-cleanup provisioner: " + x.type()));
      case POST_PROCESSOR ->
          List.of(
              new Line(
                  Style.SAY,
                  x.build(),
                  p + "Running post-processor: " + x.name() + " (type " + x.type() + ")"));
    };
  }

  private static Line log(Event.Log x) {
    String p = prefix(x.build(), x.component());
    return switch (x.level()) {
      case INFO -> new Line(Style.SAY, x.build(), "==> " + p + ": " + x.message());
      case OUTPUT -> new Line(Style.MESSAGE, x.build(), "    " + p + ": " + x.message());
      case WARN -> new Line(Style.WARN, x.build(), "==> " + p + ": Warning: " + x.message());
      case ERROR -> new Line(Style.ERROR, x.build(), "==> " + p + ": " + x.message());
    };
  }

  private static Line buildFinished(Event.BuildFinished x) {
    String after = Durations.packer(x.elapsed());
    if (x.error().isPresent()) {
      return new Line(
          Style.ERROR,
          x.build(),
          "Build '" + x.build() + "' errored after " + after + ": " + x.error().get());
    }
    if (x.cancelled()) {
      return new Line(
          Style.ERROR, x.build(), "Build '" + x.build() + "' was cancelled after " + after + ".");
    }
    return new Line(
        Style.SAY, x.build(), "Build '" + x.build() + "' finished after " + after + ".");
  }

  /** A piece of the end-of-run summary: a line, with the outcome/artifact it is about. */
  record SummaryItem(Line line, BuildOutcome outcome, int artifactIndex) {}

  /**
   * The end-of-run summary as Packer prints it. Items for a failed build carry its outcome (index
   * -1); items for an artifact carry its outcome and index, so the machine-readable sink can add
   * its records before each.
   */
  static List<SummaryItem> summary(Event.RunFinished r) {
    List<SummaryItem> items = new ArrayList<>();
    items.add(say("\n==> Wait completed after " + Durations.packer(r.elapsed())));
    if (r.cancelled()) {
      items.add(
          new SummaryItem(
              new Line(Style.ERROR, null, "\n==> Builds were cancelled; cleanups ran."), null, -1));
    }
    List<BuildOutcome> failed = r.outcomes().stream().filter(o -> o.error().isPresent()).toList();
    if (!failed.isEmpty()) {
      items.add(
          new SummaryItem(
              new Line(
                  Style.ERROR,
                  null,
                  "\n==> Some builds didn't complete successfully and had errors:"),
              null,
              -1));
      for (BuildOutcome o : failed) {
        items.add(
            new SummaryItem(
                new Line(Style.ERROR, null, "--> " + o.build() + ": " + o.error().get()), o, -1));
      }
    }
    List<BuildOutcome> withArtifacts =
        r.outcomes().stream().filter(o -> o.error().isEmpty() && !o.artifacts().isEmpty()).toList();
    if (withArtifacts.isEmpty()) {
      items.add(say("\n==> Builds finished but no artifacts were created."));
      return items;
    }
    items.add(say("\n==> Builds finished. The artifacts of successful builds are:"));
    for (BuildOutcome o : withArtifacts) {
      for (int i = 0; i < o.artifacts().size(); i++) {
        Line l =
            new Line(
                Style.SAY, null, "--> " + o.build() + ": " + o.artifacts().get(i).description());
        items.add(new SummaryItem(l, o, i));
      }
    }
    return items;
  }

  private static SummaryItem say(String text) {
    return new SummaryItem(new Line(Style.SAY, null, text), null, -1);
  }

  /** "12.3 MiB" style sizes for progress lines. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** "task 45% (12.3 MiB of 27.0 MiB)", or "task 12.3 MiB" when the total is unknown. */
  static String progress(Event.Progress p) {
    if (p.total() <= 0) {
      return p.task() + " " + bytes(p.done());
    }
    long pct = Math.min(100, p.done() * 100 / p.total());
    return p.task() + " " + pct + "% (" + bytes(p.done()) + " of " + bytes(p.total()) + ")";
  }
}
