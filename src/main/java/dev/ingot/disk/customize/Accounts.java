package dev.ingot.disk.customize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account databases of a tree (/etc/passwd, shadow, group, gshadow) as lines, edited as useradd
 * would. Pure; not thread-safe.
 */
final class Accounts {
  final List<String[]> passwd;
  final List<String[]> shadow;
  final List<String[]> group;
  final List<String[]> gshadow;

  Accounts(String passwd, String shadow, String group, String gshadow) {
    this.passwd = parse(passwd, 7);
    this.shadow = parse(shadow, 9);
    this.group = parse(group, 4);
    this.gshadow = parse(gshadow, 4);
  }

  private static List<String[]> parse(String text, int fields) {
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        String[] f =
            java.util.Arrays.copyOf(
                line.split(":", -1), Math.max(fields, line.split(":", -1).length));
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i] == null ? "" : f[i];
        }
        out.add(f);
      }
    }
    return out;
  }

  static String render(List<String[]> rows) {
    StringBuilder s = new StringBuilder();
    for (String[] r : rows) {
      s.append(String.join(":", r)).append('\n');
    }
    return s.toString();
  }

  Map<String, Integer> uids() {
    Map<String, Integer> m = new LinkedHashMap<>();
    passwd.forEach(r -> m.put(r[0], Integer.parseInt(r[2])));
    return m;
  }

  Map<String, Integer> gids() {
    Map<String, Integer> m = new LinkedHashMap<>();
    group.forEach(r -> m.put(r[0], Integer.parseInt(r[2])));
    return m;
  }

  private static String[] find(List<String[]> rows, String name) {
    return rows.stream().filter(r -> r[0].equals(name)).findFirst().orElse(null);
  }

  /** Adds or updates a user; returns its uid and gid. */
  int[] addUser(Customization.User u, long epochDays) {
    int uid = u.uid() != null ? u.uid() : nextId(uids().values(), 1000);
    String[] pw = find(passwd, u.name());
    int gid;
    String[] gr = find(group, u.name());
    if (gr == null) {
      gid = gids().containsValue(uid) ? nextId(gids().values(), 1000) : uid;
      group.add(new String[] {u.name(), "x", Integer.toString(gid), ""});
      gshadow.add(new String[] {u.name(), "!", "", ""});
    } else {
      gid = Integer.parseInt(gr[2]);
    }
    String home = u.name().equals("root") ? "/root" : "/home/" + u.name();
    if (pw == null) {
      passwd.add(new String[] {u.name(), "x", "" + uid, "" + gid, "", home, u.shell()});
    } else {
      uid = u.uid() != null ? u.uid() : Integer.parseInt(pw[2]);
      gid = Integer.parseInt(pw[3]);
      pw[2] = "" + uid;
      pw[6] = u.shell();
      home = pw[5];
    }
    String hash = u.passwordHash() == null ? "*" : u.passwordHash();
    String[] sh = find(shadow, u.name());
    if (sh == null) {
      shadow.add(new String[] {u.name(), hash, "" + epochDays, "0", "99999", "7", "", "", ""});
    } else if (u.passwordHash() != null) {
      sh[1] = hash;
    }
    for (String g : u.groups()) {
      addMember(group, g, u.name());
      addMember(gshadow, g, u.name());
    }
    this.lastHome = home;
    return new int[] {uid, gid};
  }

  String lastHome;

  private void addMember(List<String[]> rows, String groupName, String user) {
    String[] r = find(rows, groupName);
    if (r == null) {
      throw new IllegalArgumentException("group '" + groupName + "' does not exist in the image");
    }
    List<String> members =
        new ArrayList<>(List.of(r[3].isEmpty() ? new String[0] : r[3].split(",")));
    if (!members.contains(user)) {
      members.add(user);
    }
    r[3] = String.join(",", members);
  }

  private static int nextId(java.util.Collection<Integer> used, int from) {
    int id = from;
    while (used.contains(id)) {
      id++;
    }
    return id;
  }
}
