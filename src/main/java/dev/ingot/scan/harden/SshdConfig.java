package dev.ingot.scan.harden;

import dev.ingot.fs.FsPaths;
import dev.ingot.scan.inventory.RootView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The global settings of {@code /etc/ssh/sshd_config} as sshd reads them (sshd_config(5)): the
 * first value of a keyword wins, {@code Include} inserts files (globs in the last component,
 * relative paths under /etc/ssh) in sorted order, and everything after the first {@code Match} is
 * conditional and so not global. Pure over a {@link RootView}.
 */
final class SshdConfig {
  static final String PATH = "etc/ssh/sshd_config";

  private SshdConfig() {}

  static Optional<Map<String, String>> read(RootView root) throws IOException {
    Optional<String> text = root.readText(PATH);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> out = new HashMap<>();
    parse(root, text.get(), out, 0);
    return Optional.of(out);
  }

  /** Returns false once a Match block starts (nothing after it is global). */
  private static boolean parse(RootView root, String text, Map<String, String> out, int depth)
      throws IOException {
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] kv = line.split("[\\s=]+", 2);
      String key = kv[0].toLowerCase(Locale.ROOT);
      String value = kv.length > 1 ? kv[1].strip() : "";
      if (key.equals("match")) {
        return false;
      }
      if (key.equals("include") && depth < 8) {
        for (String pattern : value.split("\\s+")) {
          for (String f : expand(root, pattern)) {
            Optional<String> t = root.readText(f);
            if (t.isPresent() && !parse(root, t.get(), out, depth + 1)) {
              return false;
            }
          }
        }
        continue;
      }
      out.putIfAbsent(key, value);
    }
    return true;
  }

  private static List<String> expand(RootView root, String pattern) throws IOException {
    String p = pattern.startsWith("/") ? pattern.substring(1) : "etc/ssh/" + pattern;
    p = FsPaths.normalize(p);
    String name = FsPaths.name(p);
    if (!name.contains("*") && !name.contains("?")) {
      return List.of(p);
    }
    String dir = FsPaths.parent(p);
    String regex = name.replace(".", "\\.").replace("*", ".*").replace("?", ".");
    List<String> out = new ArrayList<>();
    for (String n : root.list(dir)) {
      if (n.matches(regex)) {
        out.add(dir + "/" + n);
      }
    }
    return out;
  }
}
