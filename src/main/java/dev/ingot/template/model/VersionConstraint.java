package dev.ingot.template.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as Packer's {@code required_version} writes it (hashicorp/go-version):
 * comma-separated terms such as {@code ">= 1.6.0, < 2.0"}, each an operator ({@code = != > < >= <=
 * ~>}, none meaning {@code =}) and a version. {@code ~> 1.6.0} allows 1.6.x from 1.6.0 on; {@code
 * ~> 1.6} allows 1.x from 1.6 on. Immutable.
 */
public record VersionConstraint(String text, List<Term> terms) {
  private static final String VERSION =
      "v?([0-9]+(?:\\.[0-9]+)*)(?:-([0-9A-Za-z\\-~]+(?:\\.[0-9A-Za-z\\-~]+)*))?"
          + "(?:\\+[0-9A-Za-z\\-~]+(?:\\.[0-9A-Za-z\\-~]+)*)?";
  private static final Pattern TERM =
      Pattern.compile("\\s*(=|!=|>=|<=|>|<|~>)?\\s*(" + VERSION + ")\\s*");
  private static final Pattern PLAIN = Pattern.compile(VERSION);

  /** One operator and version of the constraint. */
  public record Term(String op, Version version) {}

  /** A parsed version: numeric segments (as written) and an optional pre-release. */
  public record Version(List<Long> segments, String prerelease) {
    public Version {
      segments = List.copyOf(segments);
      prerelease = prerelease == null ? "" : prerelease;
    }

    /** Parses "1.6.6", "v1.7.0-beta1", "1.11"; IllegalArgumentException when malformed. */
    public static Version parse(String s) {
      Matcher m = PLAIN.matcher(s.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("malformed version: " + s);
      }
      return of(m.group(1), m.group(2));
    }

    static Version of(String numbers, String pre) {
      List<Long> segs = new ArrayList<>();
      for (String part : numbers.split("\\.")) {
        segs.add(Long.parseLong(part));
      }
      return new Version(segs, pre);
    }

    long segment(int i) {
      return i < segments.size() ? segments.get(i) : 0;
    }

    int compareTo(Version o) {
      for (int i = 0; i < Math.max(segments.size(), o.segments.size()); i++) {
        int c = Long.compare(segment(i), o.segment(i));
        if (c != 0) {
          return c;
        }
      }
      if (prerelease.equals(o.prerelease)) {
        return 0;
      }
      // A pre-release sorts before its release.
      if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
        return prerelease.isEmpty() ? 1 : -1;
      }
      return prerelease.compareTo(o.prerelease);
    }
  }

  public VersionConstraint {
    terms = List.copyOf(terms);
  }

  /** Parses a constraint; IllegalArgumentException naming the bad term when malformed. */
  public static VersionConstraint parse(String text) {
    List<Term> terms = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher m = TERM.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("malformed constraint: " + part.strip());
      }
      Matcher v = PLAIN.matcher(m.group(2));
      v.matches();
      terms.add(
          new Term(m.group(1) == null ? "=" : m.group(1), Version.of(v.group(1), v.group(2))));
    }
    return new VersionConstraint(text, terms);
  }

  /** Whether {@code v} meets every term. */
  public boolean allows(Version v) {
    return terms.stream().allMatch(t -> allows(t, v));
  }

  private static boolean allows(Term t, Version v) {
    Version c = t.version();
    // As go-version: a pre-release only matches terms about the same release.
    if (!v.prerelease().isEmpty()
        && (c.prerelease().isEmpty() || !sameSegments(v, c, c.segments().size()))) {
      return false;
    }
    int cmp = v.compareTo(c);
    return switch (t.op()) {
      case "=" -> cmp == 0;
      case "!=" -> cmp != 0;
      case ">" -> cmp > 0;
      case "<" -> cmp < 0;
      case ">=" -> cmp >= 0;
      case "<=" -> cmp <= 0;
      case "~>" -> cmp >= 0 && pessimistic(v, c);
      default -> throw new IllegalStateException(t.op());
    };
  }

  private static boolean pessimistic(Version v, Version c) {
    int n = c.segments().size();
    return n == 1 || sameSegments(v, c, n - 1);
  }

  private static boolean sameSegments(Version a, Version b, int n) {
    for (int i = 0; i < n; i++) {
      if (a.segment(i) != b.segment(i)) {
        return false;
      }
    }
    return true;
  }
}
