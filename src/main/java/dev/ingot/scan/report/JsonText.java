package dev.ingot.scan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ingot.diag.Printable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Writes a report model (maps, lists, strings, numbers, booleans, null) as indented JSON with
 * Jackson's streaming generator. Reports avoid the data-binding layer because starting it costs
 * more than a whole warm scan. Maps that keep an order (LinkedHashMap, TreeMap) are written in it;
 * others ({@code Map.of}) by sorted key, so the output never depends on hash order. Pure;
 * thread-safe.
 */
public final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** The model as indented JSON followed by a newline. */
  public static String write(Object model) {
    StringWriter out = new StringWriter(1 << 16);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      value(g, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    // JSON escapes C0 controls only; a report cat'ed into a CI log would still carry DEL, C1 and
    // bidi controls from package or file names.
    return Printable.inJson(out.append('\n').toString());
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Double d -> g.writeNumber(d);
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : entries(m)) {
          g.writeFieldName(String.valueOf(e.getKey()));
          value(g, e.getValue());
        }
        g.writeEndObject();
      }
      case Collection<?> c -> {
        g.writeStartArray();
        for (Object o : c) {
          value(g, o);
        }
        g.writeEndArray();
      }
      default ->
          throw new IllegalArgumentException(
              "a report model holds no " + v.getClass().getName() + " values");
    }
  }

  private static Collection<? extends Map.Entry<?, ?>> entries(Map<?, ?> m) {
    if (m instanceof SequencedMap<?, ?>) {
      return m.entrySet();
    }
    List<Map.Entry<?, ?>> sorted = new ArrayList<>(m.entrySet());
    sorted.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
    return sorted;
  }
}
