package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/** JSON, YAML, CSV, Base64 and URL encodings. */
final class EncodingFunctions {
  private EncodingFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder("jsonencode", "Encodes a value as JSON.")
            .param(Param.of("val", Type.DYNAMIC).withAllowNull())
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(Json.encode(a.get(0)))),
        Fn.builder(
                "jsondecode",
                "Decodes JSON text into a value (objects, tuples, numbers, strings, bools, null).")
            .param("str", Type.STRING)
            .body(
                (a, ctx) -> {
                  try {
                    return Json.decode(a.get(0).asString());
                  } catch (Json.DecodeError e) {
                    throw FunctionException.argument(
                        0, "str", "the string is not valid JSON: " + e.getMessage());
                  }
                }),
        Fn.builder("yamlencode", "Encodes a value as YAML, in the style of Terraform's yamlencode.")
            .param(Param.of("value", Type.DYNAMIC).withAllowNull())
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(YamlEncoder.encode(a.get(0)))),
        Fn.builder("yamldecode", "Decodes a YAML document into a value.")
            .param("src", Type.STRING)
            .body(
                (a, ctx) -> {
                  try {
                    return YamlDecoder.decode(a.get(0).asString());
                  } catch (Json.DecodeError e) {
                    throw FunctionException.argument(
                        0, "src", "the string is not valid YAML: " + e.getMessage());
                  }
                }),
        Fn.builder("base64encode", "Encodes the UTF-8 bytes of a string in Base64.")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        Base64.getEncoder()
                            .encodeToString(a.get(0).asString().getBytes(StandardCharsets.UTF_8)))),
        Fn.builder("base64decode", "Decodes Base64 text into the UTF-8 string it encodes.")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(base64decode(a.get(0).asString()))),
        Fn.builder("urlencode", "Escapes a string for use in a URL query (spaces become +).")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(urlencode(a.get(0).asString()))),
        Fn.builder("csvdecode", "Decodes CSV text with a header line into a list of objects.")
            .param("str", Type.STRING)
            .body((a, ctx) -> csvdecode(a.get(0).asString())));
  }

  /** Go's StdEncoding: padding required; CR and LF are ignored. */
  private static String base64decode(String s) throws FunctionException {
    String clean = s.replace("\r", "").replace("\n", "");
    byte[] bytes;
    try {
      if (clean.length() % 4 != 0) {
        throw new IllegalArgumentException("length");
      }
      bytes = Base64.getDecoder().decode(clean);
    } catch (IllegalArgumentException e) {
      throw FunctionException.argument(
          0, "str", "the string is not valid Base64 (standard alphabet with = padding)");
    }
    try {
      return Args.strictUtf8(bytes);
    } catch (CharacterCodingException e) {
      throw FunctionException.argument(
          0, "str", "the result of decoding the provided string is not valid UTF-8");
    }
  }

  /** Go's url.QueryEscape. */
  static String urlencode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  private static Value csvdecode(String s) throws FunctionException {
    List<List<String>> rows;
    try {
      rows = Csv.parse(s);
    } catch (Csv.CsvError e) {
      throw FunctionException.failed("csvdecode", e.getMessage());
    }
    if (rows.isEmpty()) {
      throw FunctionException.failed("csvdecode", "missing header line");
    }
    List<String> header = rows.get(0);
    List<Value> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != header.size()) {
        throw FunctionException.failed(
            "csvdecode", "record on line " + (r + 1) + ": wrong number of fields");
      }
      TreeMap<String, Value> attrs = new TreeMap<>();
      for (int c = 0; c < header.size(); c++) {
        attrs.put(header.get(c), Value.string(row.get(c)));
      }
      out.add(Value.object(attrs));
    }
    TreeMap<String, Type> types = new TreeMap<>();
    header.forEach(h -> types.put(h, Type.STRING));
    return new ListValue(Type.object(types), out, false);
  }
}
