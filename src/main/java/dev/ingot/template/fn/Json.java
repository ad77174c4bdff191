package dev.ingot.template.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ingot.template.value.BoolValue;
import dev.ingot.template.value.MapValue;
import dev.ingot.template.value.NullValue;
import dev.ingot.template.value.NumberValue;
import dev.ingot.template.value.Numbers;
import dev.ingot.template.value.ObjectValue;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.UnknownValue;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as cty writes and reads it: Go's encoding (compact, keys sorted, {@code <>&} and U+2028/9
 * escaped as {@code \}{@code u003c} and so on, numbers in full decimal form), and decoding to
 * objects, tuples, exact numbers, strings, bools and nulls (a repeated key: the last wins).
 * Stateless; thread-safe.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private Json() {}

  static String encode(Value v) {
    StringBuilder b = new StringBuilder();
    encode(v, b);
    return b.toString();
  }

  private static void encode(Value v, StringBuilder b) {
    switch (v) {
      case NullValue n -> b.append("null");
      case UnknownValue u -> throw new IllegalStateException("unknown values cannot be encoded");
      case StringValue s -> b.append(quote(s.value()));
      case NumberValue n -> b.append(ValuePrinter.number(n.value()));
      case BoolValue x -> b.append(x.value());
      case MapValue m -> object(m.entries(), b);
      case ObjectValue o -> object(o.attributes(), b);
      default -> {
        b.append('[');
        String sep = "";
        for (Value e : v.elements()) {
          b.append(sep);
          encode(e, b);
          sep = ",";
        }
        b.append(']');
      }
    }
  }

  private static void object(Map<String, Value> entries, StringBuilder b) {
    b.append('{');
    String sep = "";
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      b.append(sep).append(quote(e.getKey())).append(':');
      encode(e.getValue(), b);
      sep = ",";
    }
    b.append('}');
  }

  /** A JSON string literal with Go's escaping. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Thrown for text that is not one JSON value; the message says where. */
  static final class DecodeError extends Exception {
    DecodeError(String message) {
      super(message);
    }
  }

  static Value decode(String text) throws DecodeError {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new DecodeError("unexpected end of JSON input");
      }
      Value v = value(p);
      if (p.nextToken() != null) {
        throw new DecodeError("invalid character after top-level value at " + where(p));
      }
      return v;
    } catch (JsonProcessingException e) {
      throw new DecodeError(
          dev.ingot.diag.JsonReason.of(e.getOriginalMessage()) + " at " + where(e));
    } catch (IOException e) {
      throw new DecodeError(e.getMessage());
    }
  }

  private static String where(JsonParser p) {
    return "line "
        + p.currentLocation().getLineNr()
        + ", column "
        + p.currentLocation().getColumnNr();
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? "the end"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /**
   * The JSON value at the parser's current token, as a template value: objects, tuples, strings,
   * bools, null, and numbers as cty reads them (the nearest 512-bit float). A number out of range
   * is a {@link JsonParseException} at it. Shared by {@code jsondecode} and JSON variable files,
   * which read numbers differently when each had its own copy (one rounded, one did not).
   */
  public static Value value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of JSON input");
    }
    return switch (t) {
      case START_OBJECT -> {
        TreeMap<String, Value> attrs = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          attrs.put(name, value(p));
        }
        yield Value.object(attrs);
      }
      case START_ARRAY -> {
        List<Value> elems = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          elems.add(value(p));
        }
        yield Value.tuple(elems);
      }
      case VALUE_STRING -> Value.string(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = p.getText();
        yield Value.number(
            Numbers.parse(text)
                .orElseThrow(
                    () ->
                        new JsonParseException(
                            p,
                            "the number "
                                + text
                                + " is out of range (or too long) for a template value")));
      }
      case VALUE_TRUE -> Value.TRUE;
      case VALUE_FALSE -> Value.FALSE;
      case VALUE_NULL -> Value.NULL;
      default -> throw new JsonParseException(p, "unexpected " + t);
    };
  }
}
