package dev.ingot.pkg.deb.repo;

import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.Paragraph;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a Packages index into {@link BinaryPackage}s. A Debian main index is ~45 MB and 60 000
 * stanzas, so this scanner keeps only the fields a package record needs instead of building full
 * paragraphs. Pure; thread-safe.
 */
public final class PackagesIndex {
  private static final Set<String> KEEP =
      Set.of(
          "package",
          "version",
          "architecture",
          "multi-arch",
          "essential",
          "priority",
          "source",
          "depends",
          "pre-depends",
          "recommends",
          "provides",
          "conflicts",
          "breaks",
          "filename",
          "size",
          "sha256");

  private PackagesIndex() {}

  /** Every stanza of {@code text}; {@code name} names the index in errors. */
  public static List<BinaryPackage> parse(String text, URI repository, String suite, String name) {
    List<BinaryPackage> out = new ArrayList<>();
    List<Paragraph.Field> fields = new ArrayList<>();
    String field = null;
    StringBuilder value = new StringBuilder();
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) {
        eol = n;
      }
      if (eol == pos) { // blank line: end of stanza
        field = flush(fields, field, value);
        emit(out, fields, repository, suite, name);
        pos = eol + 1;
        continue;
      }
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t') {
        if (field != null) {
          value.append('\n').append(text, pos, eol);
        }
      } else {
        field = flush(fields, field, value);
        int colon = text.indexOf(':', pos);
        if (colon < 0 || colon > eol) {
          throw new RepositoryException(
              name + ": malformed line '" + text.substring(pos, eol) + "'");
        }
        String f = text.substring(pos, colon);
        if (KEEP.contains(f.toLowerCase(java.util.Locale.ROOT))) {
          field = f;
          value.append(text, colon + 1, eol);
        }
      }
      pos = eol + 1;
    }
    flush(fields, field, value);
    emit(out, fields, repository, suite, name);
    return out;
  }

  private static String flush(List<Paragraph.Field> fields, String field, StringBuilder value) {
    if (field != null) {
      fields.add(new Paragraph.Field(field, value.toString().strip()));
    }
    value.setLength(0);
    return null;
  }

  private static void emit(
      List<BinaryPackage> out, List<Paragraph.Field> fields, URI repo, String suite, String name) {
    if (fields.isEmpty()) {
      return;
    }
    try {
      out.add(BinaryPackage.of(new Paragraph(fields), repo, suite));
    } catch (IllegalArgumentException e) {
      throw new RepositoryException(name + ": bad package stanza: " + e.getMessage(), e);
    }
    fields.clear();
  }
}
