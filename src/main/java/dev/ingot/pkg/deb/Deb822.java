package dev.ingot.pkg.deb;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses deb822 text (Packages, Release, status, .sources, control files) into paragraphs.
 * Paragraphs are separated by blank lines; a line starting with space or tab continues the field
 * above; lines starting with '#' are comments (allowed in .sources). Pure; thread-safe.
 */
public final class Deb822 {
  private Deb822() {}

  /** Parses every paragraph; throws {@link IllegalArgumentException} naming the bad line. */
  public static List<Paragraph> parse(String text) {
    List<Paragraph> out = new ArrayList<>();
    List<Paragraph.Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    int lineNo = 0;
    int pos = 0;
    int n = text.length();
    while (pos <= n) {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) {
        eol = n;
      }
      String line = text.substring(pos, eol);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      pos = eol + 1;
      lineNo++;
      if (line.isBlank()) {
        if (name != null) {
          fields.add(new Paragraph.Field(name, value.toString()));
          name = null;
        }
        if (!fields.isEmpty()) {
          out.add(new Paragraph(fields));
          fields = new ArrayList<>();
        }
        if (eol == n) {
          break;
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        if (name == null) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": continuation line without a field: '" + line + "'");
        }
        value.append('\n').append(line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": expected 'Field: value', got '" + line + "'");
      }
      if (name != null) {
        fields.add(new Paragraph.Field(name, value.toString()));
      }
      name = line.substring(0, colon);
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
      if (eol == n) {
        break;
      }
    }
    if (name != null) {
      fields.add(new Paragraph.Field(name, value.toString()));
    }
    if (!fields.isEmpty()) {
      out.add(new Paragraph(fields));
    }
    return out;
  }

  /** Parses text that must hold exactly one paragraph (a control file). */
  public static Paragraph parseOne(String text) {
    List<Paragraph> ps = parse(text);
    if (ps.size() != 1) {
      throw new IllegalArgumentException("expected one paragraph, found " + ps.size());
    }
    return ps.get(0);
  }
}
