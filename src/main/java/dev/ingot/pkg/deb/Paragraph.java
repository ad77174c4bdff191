package dev.ingot.pkg.deb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One deb822 paragraph (a package stanza, a Release header, a .sources entry): fields in their
 * original order and spelling, looked up case-insensitively as dpkg does. Multi-line values keep
 * their continuation lines with the leading space, so {@link #toString} writes the paragraph back
 * exactly. Immutable and thread-safe.
 */
public final class Paragraph {
  /** A field as written: {@code name: value}; continuation lines start with a space. */
  public record Field(String name, String value) {}

  private final List<Field> fields;

  public Paragraph(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return Collections.unmodifiableList(fields);
  }

  public Optional<String> get(String name) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** The field's value, or an exception naming the paragraph when it is missing. */
  public String require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "field " + name + " missing in paragraph " + get("Package", firstLine())));
  }

  public boolean has(String name) {
    return get(name).isPresent();
  }

  /** The lines of a multi-line value after its first line, stripped (Release checksums). */
  public List<String> lines(String name) {
    List<String> out = new ArrayList<>();
    String v = get(name).orElse("");
    for (String l : v.split("\n")) {
      String s = l.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** A copy with {@code name} set to {@code value} (replacing in place, or appended). */
  public Paragraph with(String name, String value) {
    List<Field> out = new ArrayList<>(fields);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equalsIgnoreCase(name)) {
        out.set(i, new Field(out.get(i).name(), value));
        return new Paragraph(out);
      }
    }
    out.add(new Field(name, value));
    return new Paragraph(out);
  }

  /** A copy with {@code value} inserted after field {@code after} (appended when absent). */
  public Paragraph withAfter(String after, String name, String value) {
    List<Field> out = new ArrayList<>(without(name).fields);
    int at = out.size();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equalsIgnoreCase(after)) {
        at = i + 1;
      }
    }
    out.add(at, new Field(name, value));
    return new Paragraph(out);
  }

  public Paragraph without(String name) {
    List<Field> out = new ArrayList<>(fields);
    out.removeIf(f -> f.name().equalsIgnoreCase(name));
    return new Paragraph(out);
  }

  private String firstLine() {
    return fields.isEmpty() ? "(empty)" : fields.get(0).name() + ": " + fields.get(0).value();
  }

  /** The paragraph as deb822 text, each field on its own line, ending with a newline. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Field f : fields) {
      b.append(f.name()).append(':');
      if (!f.value().isEmpty() && !f.value().startsWith("\n")) {
        b.append(' ');
      }
      b.append(f.value()).append('\n');
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Paragraph p && p.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
