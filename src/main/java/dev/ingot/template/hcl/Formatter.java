package dev.ingot.template.hcl;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites HCL source into the canonical layout of {@code packer fmt} (HCL's hclwrite): two-space
 * indentation by bracket nesting, one space between most tokens, none inside brackets or around
 * dots, the {@code =} of consecutive one-line arguments aligned, trailing comments aligned, blank
 * lines and comments kept, heredoc and string content untouched. Only white space changes, so the
 * result parses to the same tree. Input with syntax errors is not formatted; its diagnostics are
 * returned instead. Stateless and thread-safe.
 */
public final class Formatter {
  /** The formatted text (empty when the input has errors) and the parse diagnostics. */
  public record Result(Optional<String> text, Diagnostics diagnostics) {
    /** True if formatting changed nothing. */
    public boolean unchanged(String original) {
      return text.map(original::equals).orElse(true);
    }
  }

  /** A token being laid out: its kind, its text and the spaces to write before it. */
  static final class Tok {
    final TokenType type;
    final String text;
    int spacesBefore;

    Tok(TokenType type, String text, int spacesBefore) {
      this.type = type;
      this.text = text;
      this.spacesBefore = spacesBefore;
    }
  }

  private Formatter() {}

  /** Formats {@code src} (the content of {@code filename}) if it parses without errors. */
  public static Result format(byte[] src, String filename) {
    HclParser.ParseResult parsed = HclParser.parse(src, filename);
    if (parsed.diagnostics().hasErrors()) {
      return new Result(Optional.empty(), parsed.diagnostics());
    }
    Lexer.Result lexed = Lexer.lex(src, filename, Lexer.Mode.NORMAL);
    List<Tok> toks = toks(lexed.tokens());
    FormatLines.format(toks);
    StringBuilder out = new StringBuilder(src.length + 64);
    if (src.length >= 3
        && (src[0] & 0xff) == 0xef
        && (src[1] & 0xff) == 0xbb
        && (src[2] & 0xff) == 0xbf) {
      out.append('\ufeff');
    }
    for (Tok t : toks) {
      out.append(" ".repeat(t.spacesBefore)).append(t.text);
    }
    String text = out.toString();
    if (!sameTree(parsed.body(), text, filename)) {
      // hclwrite's spacing rules can, in contrived input such as "1 . 5", join tokens into a
      // different one; rather than change the meaning of a file, leave it as it is.
      Diagnostics warn =
          parsed
              .diagnostics()
              .plus(
                  Diagnostic.warning(
                      "File left unformatted",
                      "Reformatting this file would change how it parses, so it was left as it is."
                          + " Add spaces or parentheses to make the expressions unambiguous.",
                      Range.fileStart(filename)));
      return new Result(Optional.of(new String(src, StandardCharsets.UTF_8)), warn);
    }
    return new Result(Optional.of(text), parsed.diagnostics());
  }

  private static boolean sameTree(Body before, String formatted, String filename) {
    HclParser.ParseResult after =
        HclParser.parse(formatted.getBytes(StandardCharsets.UTF_8), filename);
    return !after.diagnostics().hasErrors()
        && AstDump.of(after.body(), false).equals(AstDump.of(before, false));
  }

  /** The tokens with the white space that preceded each in the source (in bytes, as hclwrite). */
  private static List<Tok> toks(List<Token> tokens) {
    List<Tok> out = new ArrayList<>(tokens.size());
    int prevEnd = -1;
    for (Token t : tokens) {
      int start = t.range().start().byteOffset();
      int gap = prevEnd < 0 ? 0 : Math.max(0, start - prevEnd);
      out.add(new Tok(t.type(), t.text(), gap));
      prevEnd = t.range().end().byteOffset();
    }
    return out;
  }
}
