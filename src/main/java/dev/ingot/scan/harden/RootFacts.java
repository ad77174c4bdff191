package dev.ingot.scan.harden;

import dev.ingot.fs.FileEntry;
import dev.ingot.scan.inventory.RootView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read from a root, read once and shared: the entries, passwd/group/shadow rows,
 * the effective sshd and sysctl settings. Not thread-safe; one per run.
 */
final class RootFacts {
  final RootView root;
  private List<FileEntry> entries;
  private List<String[]> passwd;
  private List<String[]> group;
  private Optional<Map<String, String>> sshd;
  private Map<String, SysctlSettings.Setting> sysctl;

  RootFacts(RootView root) {
    this.root = root;
  }

  List<FileEntry> entries() throws IOException {
    if (entries == null) {
      entries = new ArrayList<>();
      root.entries().forEach(entries::add);
    }
    return entries;
  }

  /** /etc/passwd rows split on ':' (7 fields), empty when there is none. */
  List<String[]> passwd() throws IOException {
    if (passwd == null) {
      passwd = rows("etc/passwd");
    }
    return passwd;
  }

  List<String[]> group() throws IOException {
    if (group == null) {
      group = rows("etc/group");
    }
    return group;
  }

  List<String[]> rows(String path) throws IOException {
    List<String[]> out = new ArrayList<>();
    Optional<String> t = root.readText(path);
    if (t.isEmpty()) {
      return out;
    }
    for (String line : t.get().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.split(":", -1));
      }
    }
    return out;
  }

  /** sshd's effective global settings (lower-case keyword to value); empty without sshd_config. */
  Optional<Map<String, String>> sshd() throws IOException {
    if (sshd == null) {
      sshd = SshdConfig.read(root);
    }
    return sshd;
  }

  Map<String, SysctlSettings.Setting> sysctl() throws IOException {
    if (sysctl == null) {
      sysctl = SysctlSettings.read(root);
    }
    return sysctl;
  }

  /** Group and user names by id. */
  Map<Integer, String> ids(List<String[]> rows) {
    Map<Integer, String> m = new HashMap<>();
    for (String[] r : rows) {
      if (r.length >= 3) {
        try {
          m.putIfAbsent(Integer.parseInt(r[2].strip()), r[0]);
        } catch (NumberFormatException e) {
          // a malformed line is reported by no check; it cannot own files
        }
      }
    }
    return m;
  }
}
