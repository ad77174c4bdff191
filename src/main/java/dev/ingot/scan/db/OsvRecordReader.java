package dev.ingot.scan.db;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams OSV JSON documents (one record, or an array of records) into {@link Advisory} records
 * with Jackson's token parser: only the fields Ingot uses are read and everything else is skipped
 * without building a tree, which is what makes importing a large export fast. A document that is
 * not valid JSON contributes nothing and is counted as skipped. Not thread-safe: one instance per
 * thread (the {@link JsonFactory} may be shared).
 */
final class OsvRecordReader {
  private final JsonFactory json;
  private final Cancellation cancel;
  final RecordBlocks records = new RecordBlocks();
  final Map<String, Long> skipped = new TreeMap<>();
  long advisories;

  OsvRecordReader(JsonFactory json) {
    this(json, new Cancellation());
  }

  /** {@code cancel} is checked before each record. */
  OsvRecordReader(JsonFactory json, Cancellation cancel) {
    this.json = json;
    this.cancel = cancel;
  }

  /** Reads one document; its records are kept only if the whole document parses. */
  void read(InputStream in) throws IOException {
    List<OsvRecord> doc = new ArrayList<>();
    try (JsonParser p = json.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        skip("invalid JSON");
        return;
      }
      if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          cancel.check(); // an export may be one array of every record
          doc.add(t == JsonToken.START_OBJECT ? record(p) : notARecord(p));
        }
      } else {
        cancel.check();
        doc.add(t == JsonToken.START_OBJECT ? record(p) : notARecord(p));
      }
    } catch (JsonProcessingException e) {
      skip("invalid JSON");
      return;
    }
    for (OsvRecord r : doc) {
      if (r == null) {
        skip("not an OSV record");
      } else {
        add(r);
      }
    }
  }

  private static OsvRecord notARecord(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** Reads the fields of a record object (the parser is on its START_OBJECT). */
  private static OsvRecord record(JsonParser p) throws IOException {
    OsvRecord r = new OsvRecord();
    eachField(
        p,
        (f, q) -> {
          switch (f) {
            case "id" -> r.id = text(q);
            case "modified" -> r.modified = text(q);
            case "summary" -> r.summary = text(q);
            case "details" -> r.details = text(q);
            case "withdrawn" -> r.withdrawn = text(q);
            case "aliases" -> texts(q, r.aliases);
            case "upstream" -> texts(q, r.upstream);
            case "references" -> references(q, r.references);
            case "severity" -> severities(q, r.severity);
            case "database_specific" -> r.vendor = field(q, "severity");
            case "affected" -> {
              r.affectedIsArray = q.currentToken() == JsonToken.START_ARRAY;
              // An entry that is not an object names no package and is counted as such.
              eachElement(
                  q,
                  e -> r.affected.add(affected(e)),
                  e -> r.affected.add(new OsvRecord.Affected()));
            }
            default -> q.skipChildren();
          }
        });
    return r;
  }

  private static OsvRecord.Affected affected(JsonParser p) throws IOException {
    OsvRecord.Affected a = new OsvRecord.Affected();
    eachField(
        p,
        (f, q) -> {
          switch (f) {
            case "package" ->
                eachField(
                    q,
                    (k, v) -> {
                      switch (k) {
                        case "ecosystem" -> a.ecosystem = text(v);
                        case "name" -> a.name = text(v);
                        case "purl" -> a.purl = text(v);
                        default -> v.skipChildren();
                      }
                    });
            case "ranges" -> ranges(q, a.ranges);
            case "versions" -> texts(q, a.versions);
            case "severity" -> severities(q, a.severity);
            case "ecosystem_specific" ->
                eachField(
                    q,
                    (k, v) -> {
                      switch (k) {
                        case "urgency" -> a.urgency = text(v);
                        case "severity" -> a.ecosystemSeverity = text(v);
                        default -> v.skipChildren();
                      }
                    });
            case "database_specific" -> a.databaseSeverity = field(q, "severity");
            default -> q.skipChildren();
          }
        });
    return a;
  }

  /** ECOSYSTEM ranges only: GIT and SEMVER ranges say nothing about package versions. */
  private static void ranges(JsonParser p, List<List<RangeEvent>> out) throws IOException {
    eachObject(
        p,
        range -> {
          String[] type = {""};
          List<RangeEvent> events = new ArrayList<>();
          eachField(
              range,
              (f, q) -> {
                switch (f) {
                  case "type" -> type[0] = text(q);
                  case "events" ->
                      eachObject(
                          q,
                          ev ->
                              eachField(
                                  ev,
                                  (k, v) -> {
                                    String ver = text(v);
                                    RangeEvent.Kind kind = RangeEvent.Kind.ofFieldOrNull(k);
                                    if (kind != null && !ver.isBlank()) {
                                      events.add(new RangeEvent(kind, ver));
                                    }
                                  }));
                  default -> q.skipChildren();
                }
              });
          if (type[0].equals("ECOSYSTEM") && !events.isEmpty()) {
            out.add(events);
          }
        });
  }

  private static void severities(JsonParser p, List<SeverityVector> out) throws IOException {
    eachObject(
        p,
        o -> {
          String[] ts = {"", ""};
          eachField(
              o,
              (f, q) -> {
                switch (f) {
                  case "type" -> ts[0] = text(q);
                  case "score" -> ts[1] = text(q);
                  default -> q.skipChildren();
                }
              });
          if (!ts[0].isEmpty() && !ts[1].isEmpty()) {
            out.add(new SeverityVector(ts[0], ts[1]));
          }
        });
  }

  /** The first five non-empty {@code url}s of the reference objects. */
  private static void references(JsonParser p, List<String> out) throws IOException {
    eachObject(
        p,
        o -> {
          String url = field(o, "url");
          if (out.size() < 5 && !url.isEmpty()) {
            out.add(url);
          }
        });
  }

  /** The text of one field of an object ("" when absent); the other fields are skipped. */
  private static String field(JsonParser p, String name) throws IOException {
    String[] found = {""};
    eachField(
        p,
        (f, q) -> {
          if (f.equals(name)) {
            found[0] = text(q);
          } else {
            q.skipChildren();
          }
        });
    return found[0];
  }

  private static void texts(JsonParser p, List<String> out) throws IOException {
    eachElement(p, e -> out.add(text(e)), e -> out.add(text(e)));
  }

  /** Reads a value the parser is on (its first token is current). */
  private interface Value {
    void read(JsonParser p) throws IOException;
  }

  /** Reads the value of a field the parser is on. */
  private interface Field {
    void read(String name, JsonParser p) throws IOException;
  }

  /** Each field of an object; a value that is not an object is skipped. */
  private static void eachField(JsonParser p, Field field) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      field.read(name, p);
    }
  }

  /** Each object element of an array; other elements and a value that is no array are skipped. */
  private static void eachObject(JsonParser p, Value object) throws IOException {
    eachElement(p, object, JsonParser::skipChildren);
  }

  /** Each element of an array, objects to {@code object}, others to {@code other}. */
  private static void eachElement(JsonParser p, Value object, Value other) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      (p.currentToken() == JsonToken.START_OBJECT ? object : other).read(p);
    }
  }

  /** A scalar's text ("" for null); containers are skipped and read as "". */
  private static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean()) {
      return p.getText();
    }
    return skip(p);
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return "";
  }

  private void add(OsvRecord r) {
    if (r.id.isEmpty() || !r.affectedIsArray) {
      skip("not an OSV record");
      return;
    }
    if (!r.withdrawn.isEmpty()) {
      skip("withdrawn");
      return;
    }
    advisories++;
    String summary = r.summary.isEmpty() ? firstLine(r.details) : r.summary;
    for (OsvRecord.Affected a : r.affected) {
      String eco = Ecosystems.normalize(a.ecosystem);
      if (eco.isEmpty() || a.name.isEmpty()) {
        skip("affected entry without ecosystem or name");
      } else if (!Ecosystems.supported(eco)) {
        int colon = eco.indexOf(':');
        skip("ecosystem " + (colon < 0 ? eco : eco.substring(0, colon)));
      } else if (a.ranges.isEmpty() && a.versions.isEmpty()) {
        skip("no ECOSYSTEM range or versions");
      } else {
        records.add(
            new Advisory(
                Advisory.Origin.OSV,
                r.id,
                r.allAliases(),
                summary,
                r.modified,
                a.severity.isEmpty() ? r.severity : a.severity,
                first(a.urgency, a.ecosystemSeverity, a.databaseSeverity, r.vendor),
                eco,
                a.name,
                a.purl,
                a.ranges,
                a.versions,
                VendorState.AFFECTED,
                "",
                r.references));
      }
    }
  }

  private void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  private static String first(String... s) {
    for (String x : s) {
      if (x != null && !x.isBlank()) {
        return x;
      }
    }
    return "";
  }

  private static String firstLine(String s) {
    String l = s.strip();
    int nl = l.indexOf('\n');
    l = nl < 0 ? l : l.substring(0, nl);
    return l.length() > 300 ? l.substring(0, 299) + "…" : l;
  }
}
