package dev.ingot.template.fn;

import java.util.ArrayList;
import java.util.List;

/** Go's path/filepath on Unix: Clean, Base and Dir, so basename/dirname/abspath print the same. */
final class GoPath {
  private GoPath() {}

  /** Lexical cleanup: repeated and trailing slashes, "." and ".." removed; "" becomes ".". */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty() && !parts.getLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(s);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  static String base(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals("/")) {
      return "/";
    }
    int i = p.lastIndexOf('/');
    return i >= 0 ? p.substring(i + 1) : p;
  }

  static String dir(String p) {
    int i = p.lastIndexOf('/');
    return clean(p.substring(0, i + 1));
  }
}
