package dev.ingot.template.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Pos;
import dev.ingot.diag.Range;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.HclParser;
import dev.ingot.template.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads variable files ({@code *.pkrvars.hcl}, {@code *.pkrvars.json}, and any {@code .hcl} or
 * {@code .json} given to -var-file) into one raw assignment per attribute, as Packer does: an HCL
 * file holds only {@code name = value} attributes (a {@code variable} block there is a mistake
 * worth its own message); a JSON file holds one object. Stateless.
 */
final class VarFiles {
  /** One {@code name = value} of a var file: an HCL expression, or a value read from JSON. */
  record Entry(String name, Range nameRange, RawValue value) {}

  /** The value as written: an unevaluated HCL expression or an already read JSON value. */
  sealed interface RawValue {
    Range range();
  }

  record HclValue(dev.ingot.template.hcl.Expr expr) implements RawValue {
    @Override
    public Range range() {
      return expr.range();
    }
  }

  record JsonValue(Value value, Range range) implements RawValue {}

  /** A read file: its entries, and its bytes for printing diagnostics (when it was read). */
  record Read(
      List<Entry> entries, Optional<byte[]> bytes, Optional<dev.ingot.template.hcl.Body> body) {}

  private VarFiles() {}

  static Read read(Path path, String name, List<Diagnostic> diags) {
    boolean hcl = name.endsWith(".hcl");
    if (!hcl && !name.endsWith(".json")) {
      diags.add(
          Diagnostic.error(
              "Could not guess format of " + name,
              "A var file must be suffixed with .hcl or .json, such as prod.pkrvars.hcl.",
              null));
      return new Read(List.of(), Optional.empty(), Optional.empty());
    }
    byte[] bytes;
    try {
      bytes = dev.ingot.template.fn.TextFiles.read(path);
    } catch (IOException e) {
      diags.add(
          Diagnostic.error(
              "Failed to read file",
              "The variable file \"" + name + "\" could not be read: " + reason(e) + ".",
              null));
      return new Read(List.of(), Optional.empty(), Optional.empty());
    }
    return hcl ? hcl(bytes, name, diags) : json(bytes, name, diags);
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "there is no such file";
    }
    return e.getClass() == IOException.class ? e.getMessage() : e.toString();
  }

  private static Read hcl(byte[] bytes, String name, List<Diagnostic> diags) {
    HclParser.ParseResult parsed = HclParser.parse(bytes, name);
    diags.addAll(parsed.diagnostics().all());
    if (parsed.diagnostics().hasErrors()) {
      return new Read(List.of(), Optional.of(bytes), Optional.of(parsed.body()));
    }
    for (Block b : parsed.body().blocks()) {
      if (b.type().equals("variable") && !b.labels().isEmpty()) {
        String v = b.labels().get(0).value();
        diags.add(
            Diagnostic.error(
                "Variable declaration in a .pkrvar file",
                "A .pkrvars file assigns values to variables declared in the template; it does"
                    + " not declare them. To declare variable \""
                    + v
                    + "\", put this block in a .pkr.hcl file of the template. To set its value"
                    + " here, write:\n    "
                    + v
                    + " = <value>",
                b.typeRange()));
      } else {
        diags.add(
            Diagnostic.error(
                "Unexpected \"" + b.type() + "\" block",
                "Blocks are not allowed in a variable file; write name = value for each variable.",
                b.typeRange()));
      }
    }
    List<Entry> out = new ArrayList<>();
    for (Attribute a : parsed.body().attributes()) {
      out.add(new Entry(a.name(), a.nameRange(), new HclValue(a.expr())));
    }
    return new Read(out, Optional.of(bytes), Optional.of(parsed.body()));
  }

  private static Read json(byte[] bytes, String name, List<Diagnostic> diags) {
    List<Entry> out = new ArrayList<>();
    // Duplicate keys are refused at every level, as HCL's JSON reader refuses them (the last
    // one won without a word).
    try (JsonParser p =
        new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        diags.add(
            Diagnostic.error(
                "Invalid variable file",
                "A JSON variable file must hold one object: {\"name\": value, ...}.",
                range(name, p.currentTokenLocation(), p.currentTokenLocation())));
        return new Read(List.of(), Optional.of(bytes), Optional.empty());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation keyAt = p.currentTokenLocation();
        Range keyRange = range(name, keyAt, p.currentLocation());
        p.nextToken();
        JsonLocation start = p.currentTokenLocation();
        Value v = dev.ingot.template.fn.Json.value(p);
        out.add(
            new Entry(key, keyRange, new JsonValue(v, range(name, start, p.currentLocation()))));
      }
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      diags.add(
          Diagnostic.error(
              "Invalid JSON",
              "The variable file could not be read as JSON: " + jsonReason(e) + ".",
              at == null ? null : range(name, at, at)));
    } catch (IOException e) {
      diags.add(
          Diagnostic.error(
              "Failed to read file",
              "The variable file \"" + name + "\" could not be read: " + reason(e) + ".",
              null));
    }
    return new Read(out, Optional.of(bytes), Optional.empty());
  }

  private static Range range(String file, JsonLocation from, JsonLocation to) {
    return new Range(file, pos(from), pos(to));
  }

  private static Pos pos(JsonLocation l) {
    long offset = Math.max(0, l.getByteOffset());
    return new Pos(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()), (int) offset);
  }

  private static String jsonReason(JsonParseException e) {
    return dev.ingot.diag.JsonReason.of(e.getOriginalMessage());
  }
}
