package dev.ingot.template.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source as builds refer to it: {@code source.TYPE.NAME} (the {@code source.} prefix may be left
 * out, as Packer allows). Each part starts with a letter and holds letters, digits, '_' and '-'.
 * {@link #toString} is "TYPE.NAME", the form provisioner {@code only}/{@code except} lists use.
 * Immutable.
 */
public record SourceRef(String type, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  public SourceRef {
    if (type == null || name == null || type.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("a source reference needs a type and a name");
    }
  }

  /** Parses "source.null.a" or "null.a"; empty when the text is not a valid reference. */
  public static Optional<SourceRef> parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length == 3 && parts[0].equals("source")) {
      parts = new String[] {parts[1], parts[2]};
    }
    if (parts.length != 2 || !isName(parts[0]) || !isName(parts[1])) {
      return Optional.empty();
    }
    return Optional.of(new SourceRef(parts[0], parts[1]));
  }

  /** Whether {@code s} may be a part of a reference (and so a source type or name). */
  public static boolean isName(String s) {
    return PART.matcher(s).matches();
  }

  public SourceRef withName(String n) {
    return new SourceRef(type, n);
  }

  /** "source.TYPE.NAME". */
  public String address() {
    return "source." + type + "." + name;
  }

  @Override
  public String toString() {
    return type + "." + name;
  }
}
