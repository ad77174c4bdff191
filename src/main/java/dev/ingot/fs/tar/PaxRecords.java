package dev.ingot.fs.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * PAX extended header records, {@code "<len> <key>=<value>\n"}, where {@code len} counts the whole
 * record including itself. Values are kept as bytes: paths are UTF-8 but xattr values are binary.
 * Pure; thread-safe.
 */
final class PaxRecords {
  private PaxRecords() {}

  /** Parses a PAX header's data; later records of the same key replace earlier ones. */
  static Map<String, byte[]> parse(byte[] data, String entry) throws TarFormatException {
    Map<String, byte[]> out = new TreeMap<>();
    int pos = 0;
    while (pos < data.length) {
      if (data[pos] == 0) {
        break; // Some writers pad the header data with NULs.
      }
      int sp = pos;
      long len = 0;
      while (sp < data.length && data[sp] >= '0' && data[sp] <= '9' && len < Integer.MAX_VALUE) {
        len = len * 10 + (data[sp] - '0');
        sp++;
      }
      if (sp == pos || sp >= data.length || data[sp] != ' ' || len <= sp - pos + 1) {
        throw bad(entry, "a record has no valid length");
      }
      int end = pos + (int) Math.min(len, Integer.MAX_VALUE);
      if (len > data.length - pos || data[end - 1] != '\n') {
        throw bad(entry, "a record overruns the header or lacks its newline");
      }
      int eq = sp + 1;
      while (eq < end - 1 && data[eq] != '=') {
        eq++;
      }
      if (eq >= end - 1 || eq == sp + 1) {
        throw bad(entry, "a record has no key=value");
      }
      String key = new String(data, sp + 1, eq - sp - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(data, eq + 1, end - 1);
      out.put(key, value);
      pos = end;
    }
    return out;
  }

  private static TarFormatException bad(String entry, String why) {
    return new TarFormatException("malformed PAX header before '" + entry + "': " + why);
  }

  /** Encodes records in key order, so the same records give the same bytes. */
  static byte[] encode(Map<String, byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> r : new TreeMap<>(records).entrySet()) {
      byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
      int rest = 1 + key.length + 1 + r.getValue().length + 1; // " key=value\n"
      int len = rest + 1;
      while (Integer.toString(len).length() + rest != len) {
        len = Integer.toString(len).length() + rest;
      }
      out.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
      out.write(' ');
      out.writeBytes(key);
      out.write('=');
      out.writeBytes(r.getValue());
      out.write('\n');
    }
    return out.toByteArray();
  }
}
