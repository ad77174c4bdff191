package dev.ingot.template.fn;

import dev.ingot.template.value.Numbers;
import dev.ingot.template.value.StringValue;
import dev.ingot.template.value.Value;
import dev.ingot.template.value.ValuePrinter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * YAML to values as Terraform's and Packer's {@code yamldecode} read it (go-cty-yaml): mappings
 * become objects (keys as strings), sequences tuples; plain scalars resolve with YAML 1.1 rules
 * (yes/no/on/off are bools, {@code ~} and {@code null} are null, numbers exact, timestamps RFC 3339
 * strings); quoted scalars stay strings; tags !!str !!int !!float !!bool !!null !!timestamp
 * !!binary; anchors, aliases and {@code <<} merge keys. One document only. Not thread-safe; use one
 * per call.
 */
final class YamlDecoder {
  private static final String TAG = "tag:yaml.org,2002:";
  private static final int MAX_NODES = 1_000_000;
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt ]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?");

  private final Iterator<Event> events;
  private final Map<String, Value> anchors = new HashMap<>();
  private int nodes;

  private YamlDecoder(Iterator<Event> events) {
    this.events = events;
  }

  static Value decode(String text) throws Json.DecodeError {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(true);
    try {
      Iterator<Event> it = new Yaml(opts).parse(new StringReader(text)).iterator();
      YamlDecoder d = new YamlDecoder(it);
      return d.stream();
    } catch (MarkedYAMLException e) {
      throw new Json.DecodeError(at(e.getProblemMark()) + e.getProblem());
    } catch (YAMLException e) {
      throw new Json.DecodeError(e.getMessage());
    }
  }

  private static String at(Mark m) {
    return m == null
        ? ""
        : "on line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
  }

  private Value stream() throws Json.DecodeError {
    next(); // stream start
    Event e = next();
    if (e.is(Event.ID.StreamEnd)) {
      throw new Json.DecodeError("on line 1, column 1: missing start of document");
    }
    Value v = node(next());
    next(); // document end
    Event after = next();
    if (!after.is(Event.ID.StreamEnd)) {
      throw new Json.DecodeError(at(after.getStartMark()) + "unexpected extra content after value");
    }
    return v;
  }

  private Event next() throws Json.DecodeError {
    if (!events.hasNext()) {
      throw new Json.DecodeError("unexpected end of YAML input");
    }
    return events.next();
  }

  private Value node(Event e) throws Json.DecodeError {
    if (++nodes > MAX_NODES) {
      throw new Json.DecodeError("the document has more than " + MAX_NODES + " nodes");
    }
    Value v;
    if (e instanceof AliasEvent a) {
      v = anchors.get(a.getAnchor());
      if (v == null) {
        throw new Json.DecodeError(
            at(e.getStartMark()) + "unknown anchor '" + a.getAnchor() + "' referenced");
      }
      return v;
    } else if (e instanceof ScalarEvent s) {
      v = scalar(s);
    } else if (e instanceof SequenceStartEvent) {
      List<Value> items = new ArrayList<>();
      Event n;
      while (!(n = next()).is(Event.ID.SequenceEnd)) {
        items.add(node(n));
      }
      v = Value.tuple(items);
    } else if (e instanceof MappingStartEvent) {
      v = mapping();
    } else {
      throw new Json.DecodeError(at(e.getStartMark()) + "unexpected " + e.getEventId());
    }
    if (e instanceof NodeEvent ne && ne.getAnchor() != null) {
      anchors.put(ne.getAnchor(), v);
    }
    return v;
  }

  private Value mapping() throws Json.DecodeError {
    TreeMap<String, Value> attrs = new TreeMap<>();
    List<Value> merges = new ArrayList<>();
    Event k;
    while (!(k = next()).is(Event.ID.MappingEnd)) {
      if (k instanceof ScalarEvent s
          && s.getTag() == null
          && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && s.getValue().equals("<<")) {
        Value m = node(next());
        merges.addAll(
            m.isComposite() && !(m.type() instanceof dev.ingot.template.value.ObjectType)
                ? m.elements()
                : List.of(m));
        continue;
      }
      if (!(k instanceof ScalarEvent)) {
        throw new Json.DecodeError(
            at(k.getStartMark()) + "only strings are allowed as mapping keys");
      }
      Value key = node(k);
      String name =
          switch (key) {
            case StringValue s -> s.value();
            case dev.ingot.template.value.NumberValue n -> ValuePrinter.number(n.value());
            case dev.ingot.template.value.BoolValue b -> Boolean.toString(b.value());
            default ->
                throw new Json.DecodeError(
                    at(k.getStartMark()) + "only strings are allowed as mapping keys");
          };
      attrs.put(name, node(next()));
    }
    for (Value m : merges) {
      if (!(m instanceof dev.ingot.template.value.ObjectValue)) {
        throw new Json.DecodeError("map merge requires map or sequence of maps as the value");
      }
      m.attributes().forEach(attrs::putIfAbsent);
    }
    return Value.object(attrs);
  }

  private Value scalar(ScalarEvent s) throws Json.DecodeError {
    String src = s.getValue();
    String tag = s.getTag();
    if (tag != null && tag.equals("!")) {
      return Value.string(src);
    }
    if (tag != null && !tag.startsWith(TAG)) {
      throw new Json.DecodeError(at(s.getStartMark()) + "unsupported tag \"" + tag + "\"");
    }
    String t = tag == null ? "" : tag.substring(TAG.length());
    boolean quoted = s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
    if (t.isEmpty()) {
      return quoted ? Value.string(src) : implicit(src, s);
    }
    return switch (t) {
      case "str" -> Value.string(src);
      case "binary" -> {
        try {
          java.util.Base64.getMimeDecoder().decode(src);
        } catch (IllegalArgumentException e) {
          throw new Json.DecodeError(
              at(s.getStartMark()) + "cannot parse \"" + src + "\" as !!binary: not valid base64");
        }
        yield Value.string(src);
      }
      case "bool" -> {
        Value b = word(src);
        if (!(b instanceof dev.ingot.template.value.BoolValue)) {
          throw cannot(s, src, t);
        }
        yield b;
      }
      case "null" -> Value.NULL;
      case "int", "float" -> number(src, s, t);
      case "timestamp" -> {
        String ts = timestamp(src);
        if (ts == null) {
          throw cannot(s, src, t);
        }
        yield Value.string(ts);
      }
      default ->
          throw new Json.DecodeError(at(s.getStartMark()) + "unsupported tag \"!!" + t + "\"");
    };
  }

  private static Json.DecodeError cannot(ScalarEvent s, String src, String tag) {
    return new Json.DecodeError(at(s.getStartMark()) + "cannot parse \"" + src + "\" as !!" + tag);
  }

  /** YAML 1.1 words: bools, nulls and infinities; null when the word is none of them. */
  private static Value word(String src) {
    return switch (src) {
      case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> Value.TRUE;
      case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" ->
          Value.FALSE;
      case "", "~", "null", "Null", "NULL" -> Value.NULL;
      default -> null;
    };
  }

  private Value implicit(String src, ScalarEvent s) throws Json.DecodeError {
    Value w = word(src);
    if (w != null) {
      return w;
    }
    if (src.matches("[+-]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")) {
      throw new Json.DecodeError(
          at(s.getStartMark())
              + "floating point "
              + (src.toLowerCase(java.util.Locale.ROOT).contains("nan") ? "NaN" : "infinity")
              + " is not supported");
    }
    char first = src.charAt(0);
    if (first == '.') {
      return Numbers.parse(src).<Value>map(Value::number).orElse(Value.string(src));
    }
    if (Character.isDigit(first) || first == '+' || first == '-') {
      String ts = timestamp(src);
      if (ts != null) {
        return Value.string(ts);
      }
      String plain = src.replace("_", "");
      var n = Numbers.parse(plain);
      if (n.isPresent()) {
        return Value.number(n.get());
      }
      if (plain.startsWith("0b") || plain.startsWith("-0b")) {
        return number(src, s, "int");
      }
    }
    return Value.string(src);
  }

  /** Decimal first, then Go's base prefixes (0x, 0o, 0b, leading 0 for octal). */
  private static Value number(String src, ScalarEvent s, String tag) throws Json.DecodeError {
    String plain = src.replace("_", "");
    var n = Numbers.parse(plain);
    if (n.isPresent()) {
      return Value.number(n.get());
    }
    boolean neg = plain.startsWith("-");
    String body = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
    int base = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      base = 16;
      body = body.substring(2);
    } else if (body.startsWith("0b") || body.startsWith("0B")) {
      base = 2;
      body = body.substring(2);
    } else if (body.startsWith("0o") || body.startsWith("0O")) {
      base = 8;
      body = body.substring(2);
    } else if (body.startsWith("0") && body.length() > 1) {
      base = 8;
      body = body.substring(1);
    }
    BigInteger v = body.isEmpty() ? null : NumericFunctions.parse(body, base);
    if (v == null || v.bitLength() > 64) {
      throw cannot(s, src, tag);
    }
    return Value.number(new BigDecimal(neg ? v.negate() : v));
  }

  /** A YAML timestamp as an RFC 3339 string (UTC when it has no zone), or null. */
  static String timestamp(String src) {
    Matcher m = TIMESTAMP.matcher(src);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (m.group(4) == null) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC).format(RFC3339);
      }
      LocalDateTime dt =
          date.atTime(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)));
      ZoneOffset zone = ZoneOffset.UTC;
      String z = m.group(7);
      // Go's layouts: with T a zone is required, with a space there is none.
      boolean t = src.charAt(m.end(3)) != ' ';
      if (t != (z != null)) {
        return null;
      }
      if (z != null && !z.equals("Z")) {
        zone = ZoneOffset.of(z);
      }
      return OffsetDateTime.of(dt, zone).format(RFC3339);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
}
