package dev.ingot.build.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code --json}: one JSON object per line. Every object has {@code time} (RFC 3339, UTC,
 * milliseconds) and {@code type}; the other fields depend on the type (see README, "JSON events"):
 * {@code run-started} (builds), {@code build-started}, {@code step-started}/{@code step-finished}
 * (build, kind, step_type, name, elapsed_ms, error), {@code log} (build, component, level,
 * message), {@code progress} (build, component, task, done, total), {@code artifact} (build, index,
 * producer, id, description, files), {@code error} (build, component, message), {@code
 * build-finished} (build, elapsed_ms, status, error), {@code run-finished} (elapsed_ms, cancelled,
 * builds[]).
 */
public final class JsonSink implements EventSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Always three fraction digits, so that the field has one shape (ISO_INSTANT drops ".000").
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private final PrintWriter out;

  public JsonSink(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void accept(Event e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("time", TIME.format(e.time()));
    switch (e) {
      case Event.RunStarted x -> {
        o.put("type", "run-started");
        ArrayNode a = o.putArray("builds");
        x.builds().forEach(a::add);
      }
      case Event.BuildStarted x -> o.put("type", "build-started").put("build", x.build());
      case Event.StepStarted x ->
          step(o.put("type", "step-started"), x.build(), x.kind(), x.type(), x.name());
      case Event.StepFinished x -> {
        step(o.put("type", "step-finished"), x.build(), x.kind(), x.type(), x.name());
        o.put("elapsed_ms", x.elapsed().toMillis());
        error(o, x.error());
      }
      case Event.Log x ->
          o.put("type", "log")
              .put("build", x.build())
              .put("component", x.component())
              .put("level", x.level().name().toLowerCase(java.util.Locale.ROOT))
              .put("message", x.message());
      case Event.Progress x ->
          o.put("type", "progress")
              .put("build", x.build())
              .put("component", x.component())
              .put("task", x.task())
              .put("done", x.done())
              .put("total", x.total());
      case Event.ArtifactMade x -> {
        o.put("type", "artifact").put("build", x.build()).put("index", x.index());
        artifact(o, x.artifact());
      }
      case Event.ErrorReported x ->
          o.put("type", "error")
              .put("build", x.build())
              .put("component", x.component())
              .put("message", x.message());
      case Event.BuildFinished x -> {
        o.put("type", "build-finished").put("build", x.build());
        o.put("elapsed_ms", x.elapsed().toMillis());
        o.put("status", x.error().isPresent() ? "failed" : x.cancelled() ? "cancelled" : "ok");
        error(o, x.error());
      }
      case Event.RunFinished x -> runFinished(o, x);
    }
    try {
      out.println(JSON.writeValueAsString(o));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void runFinished(ObjectNode o, Event.RunFinished x) {
    o.put("type", "run-finished")
        .put("elapsed_ms", x.elapsed().toMillis())
        .put("cancelled", x.cancelled());
    ArrayNode builds = o.putArray("builds");
    for (BuildOutcome b : x.outcomes()) {
      ObjectNode n = builds.addObject().put("build", b.build());
      n.put("status", b.error().isPresent() ? "failed" : b.cancelled() ? "cancelled" : "ok");
      error(n, b.error());
      ArrayNode arts = n.putArray("artifacts");
      b.artifacts().forEach(a -> artifact(arts.addObject(), a));
    }
  }

  private static void step(ObjectNode o, String build, Event.StepKind k, String type, String name) {
    o.put("build", build).put("kind", k.word()).put("step_type", type).put("name", name);
  }

  private static void error(ObjectNode o, Optional<String> error) {
    error.ifPresent(m -> o.put("error", m));
  }

  private static void artifact(ObjectNode o, ArtifactInfo a) {
    o.put("producer", a.producer()).put("id", a.id()).put("description", a.description());
    ArrayNode f = o.putArray("files");
    a.files().forEach(f::add);
  }

  @Override
  public void flush() {
    out.flush();
  }
}
