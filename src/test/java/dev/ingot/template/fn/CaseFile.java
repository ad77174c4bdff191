package dev.ingot.template.fn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The function tables in {@code cases/*.txt}: one case a line, {@code expr => value} (the value as
 * {@code ValuePrinter.compact} prints it) or {@code expr !! text in the error detail}. A trailing
 * {@code #! reason} keeps the case away from the Packer comparison (a function Packer 1.6.6 lacks,
 * or a documented difference). Lines starting with {@code #} are comments.
 */
record CaseFile(String name, List<Case> cases) {
  record Case(String file, int line, String expr, String expected, boolean error, String peerSkip) {
    boolean comparedWithPacker() {
      return peerSkip == null;
    }

    @Override
    public String toString() {
      return file + ":" + line + ": " + expr;
    }
  }

  static final List<String> FILES =
      List.of(
          "strings",
          "format",
          "regex",
          "collections",
          "numbers",
          "conversions",
          "encoding",
          "files",
          "dates",
          "crypto",
          "net",
          "edges",
          "calls");

  static List<Case> all() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String f : FILES) {
      out.addAll(load(f).cases());
    }
    return out;
  }

  static CaseFile load(String name) throws IOException {
    String res = "/dev/ingot/template/fn/cases/" + name + ".txt";
    try (InputStream in = CaseFile.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IOException("missing test resource " + res);
      }
      List<Case> cases = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String skip = null;
        int mark = l.indexOf("  #! ");
        if (mark >= 0) {
          skip = l.substring(mark + 5).trim();
          l = l.substring(0, mark);
        }
        int arrow = l.indexOf(" => ");
        int err = l.indexOf(" !! ");
        boolean isErr = arrow < 0 || (err >= 0 && err < arrow);
        int at = isErr ? err : arrow;
        if (at < 0) {
          throw new IOException(res + ":" + (i + 1) + ": a case needs \" => \" or \" !! \"");
        }
        cases.add(
            new Case(
                name + ".txt",
                i + 1,
                l.substring(0, at).trim(),
                l.substring(at + 4).trim(),
                isErr,
                skip));
      }
      return new CaseFile(name, cases);
    }
  }
}
