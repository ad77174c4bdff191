package dev.ingot.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Extended attributes of a directory tree on disk, moved in and out with the attr tools, since the
 * JDK sees only the {@code user.} namespace and file capabilities are {@code security.capability}:
 * {@link #read} runs {@code getfattr -R -d -m - -e hex} once over the tree, {@link #write} feeds
 * {@code setfattr --restore} a dump of the tree's attributes. The programs run through a {@link
 * Runner} supplied at the edge; the dump format (libattr's: {@code # file: PATH}, {@code
 * name=0xHEX}, blank line; {@code \\} and octal escapes in paths) is planned and parsed here as
 * pure code. Values are bytes held as ISO-8859-1 strings, as in {@link FileEntry#xattrs()}. Hard
 * links carry no attributes of their own (they are their target's inode). Thread-safe (no state).
 */
public final class XattrDump {
  /** Runs a command line; fails with a clear message when it cannot run or exits non-zero. */
  public interface Runner {
    void run(List<String> command) throws IOException;
  }

  private XattrDump() {}

  /**
   * Sets the attributes of {@code tree} on its copy under {@code root} (as written by {@link
   * TreeExporter}); does nothing, and runs nothing, when no entry has any. {@code scratch} is a
   * directory outside {@code root} for the dump file.
   */
  public static void write(FileTree tree, Path root, Path scratch, Runner run) throws IOException {
    String dump = dump(tree, root);
    if (dump.isEmpty()) {
      return;
    }
    Path f = Files.createTempFile(scratch, "xattrs", ".dump");
    try {
      Files.write(f, dump.getBytes(StandardCharsets.ISO_8859_1));
      run.run(List.of("setfattr", "-h", "--restore=" + f));
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** The attributes of every path under {@code root} that has any, by tree path. */
  public static Map<String, SortedMap<String, String>> read(Path root, Path scratch, Runner run)
      throws IOException {
    Path f = Files.createTempFile(scratch, "xattrs", ".dump");
    try {
      run.run(
          List.of(
              "sh",
              "-c",
              "exec getfattr -R -h -d -m - -e hex --absolute-names -- \"$1\" > \"$2\"",
              "getfattr",
              root.toString(),
              f.toString()));
      Map<String, SortedMap<String, String>> all =
          parse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), root);
      // An SELinux host labels every file it writes; those labels are the host's, not the tree's.
      all.values().forEach(m -> m.remove("security.selinux"));
      all.values().removeIf(Map::isEmpty);
      return all;
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** Applies {@code attrs} (from {@link #read}) to the tree's entries; hard links are skipped. */
  public static FileTree attach(FileTree tree, Map<String, SortedMap<String, String>> attrs) {
    if (attrs.isEmpty()) {
      return tree;
    }
    return tree.map(
        e -> {
          SortedMap<String, String> x = attrs.get(e.path());
          return x == null || e.type() == FileType.HARDLINK ? e : e.withXattrs(x);
        });
  }

  /** The setfattr --restore input for {@code tree} under {@code root}; "" when there is none. */
  static String dump(FileTree tree, Path root) {
    StringBuilder b = new StringBuilder();
    for (FileEntry e : tree.entries()) {
      if (e.xattrs().isEmpty() || e.type() == FileType.HARDLINK) {
        continue;
      }
      String abs = e.path().isEmpty() ? root.toString() : root.resolve(e.path()).toString();
      b.append("# file: ").append(quote(abs)).append('\n');
      e.xattrs()
          .forEach(
              (k, v) ->
                  b.append(quote(k))
                      .append("=0x")
                      .append(HexFormat.of().formatHex(v.getBytes(StandardCharsets.ISO_8859_1)))
                      .append('\n'));
      b.append('\n');
    }
    return b.toString();
  }

  /** Parses getfattr's dump (bytes as ISO-8859-1) of paths under {@code root}. */
  static Map<String, SortedMap<String, String>> parse(String text, Path root) {
    Map<String, SortedMap<String, String>> out = new TreeMap<>();
    String prefix = root.toString();
    String current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("# file: ")) {
        String p = utf8(unquote(line.substring(8)));
        if (p.equals(prefix)) {
          current = "";
        } else if (p.startsWith(prefix + "/")) {
          current = FsPaths.normalize(p.substring(prefix.length() + 1));
        } else {
          throw new IllegalArgumentException("getfattr listed a path outside " + root + ": " + p);
        }
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        if (current == null) {
          throw new IllegalArgumentException("getfattr output without a '# file:' line: " + line);
        }
        int eq = line.indexOf('=');
        String name = unquote(eq < 0 ? line : line.substring(0, eq));
        String value = eq < 0 ? "" : value(line.substring(eq + 1));
        out.computeIfAbsent(current, k -> new TreeMap<>()).put(name, value);
      }
    }
    return out;
  }

  /** A value as getfattr prints it: 0x hex, 0s base64 or a quoted string. */
  private static String value(String v) {
    byte[] bytes;
    if (v.startsWith("0x")) {
      bytes = HexFormat.of().parseHex(v.substring(2));
    } else if (v.startsWith("0s")) {
      bytes = java.util.Base64.getDecoder().decode(v.substring(2));
    } else if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return unquote(v.substring(1, v.length() - 1));
    } else {
      return unquote(v);
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** libattr's quoting: backslash doubled; newline, CR, '=' and control bytes as \ooo. */
  static String quote(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      int c = x & 0xff;
      if (c == '\\') {
        b.append("\\\\");
      } else if (c < 0x20 || c == 0x7f || c == '=') {
        b.append('\\')
            .append((char) ('0' + ((c >> 6) & 7)))
            .append((char) ('0' + ((c >> 3) & 7)))
            .append((char) ('0' + (c & 7)));
      } else {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** The inverse of {@link #quote}; the result holds bytes as ISO-8859-1 characters. */
  static String unquote(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
        b.append('\\');
        i++;
      } else if (c == '\\'
          && i + 3 < s.length()
          && isOctal(s.charAt(i + 1))
          && isOctal(s.charAt(i + 2))
          && isOctal(s.charAt(i + 3))) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static String utf8(String latin1) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (int i = 0; i < latin1.length(); i++) {
      o.write(latin1.charAt(i));
    }
    return o.toString(StandardCharsets.UTF_8);
  }
}
