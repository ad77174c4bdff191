package dev.ingot.scan.harden;

import dev.ingot.scan.inventory.RootView;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kernel parameters a root filesystem sets at boot, as systemd-sysctl(8) applies them: {@code
 * *.conf} files from /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d and
 * /lib/sysctl.d, a file in an earlier directory hiding one of the same name in a later one, read in
 * file-name order, then /etc/sysctl.conf; later assignments win. Keys use dots ("net/ipv4/x" is
 * normalized). Pure over a {@link RootView}.
 */
final class SysctlSettings {
  /** A value and the file that set it. */
  record Setting(String value, String file) {}

  private static final List<String> DIRS =
      List.of(
          "etc/sysctl.d",
          "run/sysctl.d",
          "usr/local/lib/sysctl.d",
          "usr/lib/sysctl.d",
          "lib/sysctl.d");

  private SysctlSettings() {}

  static Map<String, Setting> read(RootView root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    for (String dir : DIRS) {
      for (String name : root.list(dir)) {
        if (name.endsWith(".conf")) {
          files.putIfAbsent(name, dir + "/" + name);
        }
      }
    }
    Map<String, Setting> out = new LinkedHashMap<>();
    for (String f : files.values()) {
      apply(root.readText(f), f, out);
    }
    apply(root.readText("etc/sysctl.conf"), "etc/sysctl.conf", out);
    return out;
  }

  private static void apply(Optional<String> text, String file, Map<String, Setting> out) {
    if (text.isEmpty()) {
      return;
    }
    for (String raw : text.get().split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("-")) {
        line = line.substring(1); // "-key = v": ignore errors when setting; the value still counts
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip().replace('/', '.');
      out.put(key, new Setting(line.substring(eq + 1).strip(), "/" + file));
    }
  }
}
