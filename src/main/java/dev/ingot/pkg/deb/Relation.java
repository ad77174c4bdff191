package dev.ingot.pkg.deb;

import java.util.ArrayList;
import java.util.List;

/**
 * One alternative of a dependency field: {@code name[:arch] [(op version)]}. {@code archQualifier}
 * is "" (none), "any" or "native" (or an architecture name); {@code op} is null when there is no
 * version restriction. Immutable.
 */
public record Relation(String name, String archQualifier, Op op, String version) {
  /** The version relations of deb-control(5); the obsolete '<' and '>' mean '<=' and '>='. */
  public enum Op {
    LT("<<"),
    LE("<="),
    EQ("="),
    GE(">="),
    GT(">>");

    private final String text;

    Op(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** Whether {@code candidate OP wanted} holds. */
    public boolean holds(DebVersion candidate, DebVersion wanted) {
      int c = candidate.compareTo(wanted);
      return switch (this) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case EQ -> c == 0;
        case GE -> c >= 0;
        case GT -> c > 0;
      };
    }

    static Op parse(String s) {
      return switch (s) {
        case "<<" -> LT;
        case "<=", "<" -> LE;
        case "=" -> EQ;
        case ">=", ">" -> GE;
        case ">>" -> GT;
        default -> throw new IllegalArgumentException("unknown version relation '" + s + "'");
      };
    }
  }

  public Relation {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("relation without a package name");
    }
    archQualifier = archQualifier == null ? "" : archQualifier;
    if ((op == null) != (version == null)) {
      throw new IllegalArgumentException("relation op and version go together: " + name);
    }
  }

  public static Relation of(String name) {
    return new Relation(name, "", null, null);
  }

  /** Whether a package or provided name at {@code v} (null: unversioned) satisfies the version. */
  public boolean versionMatches(DebVersion v) {
    if (op == null) {
      return true;
    }
    return v != null && op.holds(v, DebVersion.parse(version));
  }

  /**
   * Parses a whole field ("a (>= 1) | b, c:any") into groups of alternatives. Architecture lists
   * ("[amd64]") and build profiles ("&lt;!nocheck&gt;") are dropped: they only appear in source
   * packages.
   */
  public static List<List<Relation>> parseField(String field) {
    List<List<Relation>> out = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return out;
    }
    for (String group : field.split(",")) {
      if (group.isBlank()) {
        continue;
      }
      List<Relation> alts = new ArrayList<>();
      for (String alt : group.split("\\|")) {
        alts.add(parseOne(alt));
      }
      out.add(List.copyOf(alts));
    }
    return out;
  }

  /** Parses a field whose entries have no alternatives (Provides, Conflicts, Breaks). */
  public static List<Relation> parseFlat(String field) {
    List<Relation> out = new ArrayList<>();
    for (List<Relation> g : parseField(field)) {
      out.addAll(g);
    }
    return out;
  }

  static Relation parseOne(String text) {
    String s = text;
    // Architecture lists and build profiles come last, after any "(op version)".
    int from = Math.max(0, s.lastIndexOf(')') + 1);
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '[' || s.charAt(i) == '<') {
        s = s.substring(0, i);
        break;
      }
    }
    s = s.strip();
    String op = null;
    String version = null;
    int paren = s.indexOf('(');
    if (paren >= 0) {
      int close = s.indexOf(')', paren);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '(' in relation '" + text.strip() + "'");
      }
      String inner = s.substring(paren + 1, close).strip();
      int i = 0;
      while (i < inner.length() && "<=>".indexOf(inner.charAt(i)) >= 0) {
        i++;
      }
      op = inner.substring(0, i);
      version = inner.substring(i).strip();
      if (op.isEmpty() || version.isEmpty()) {
        throw new IllegalArgumentException("bad version restriction in '" + text.strip() + "'");
      }
      s = s.substring(0, paren).strip();
    }
    String name = s;
    String arch = "";
    int colon = s.indexOf(':');
    if (colon >= 0) {
      name = s.substring(0, colon);
      arch = s.substring(colon + 1);
    }
    if (name.isEmpty() || !name.matches("[a-z0-9][a-z0-9+.\\-]*")) {
      throw new IllegalArgumentException("bad package name in relation '" + text.strip() + "'");
    }
    return new Relation(name, arch, op == null ? null : Op.parse(op), version);
  }

  @Override
  public String toString() {
    return name
        + (archQualifier.isEmpty() ? "" : ":" + archQualifier)
        + (op == null ? "" : " (" + op.text() + " " + version + ")");
  }
}
