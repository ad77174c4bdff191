package dev.ingot.pkg.deb.repo;

import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an apt configuration directory ({@code /etc/apt} on the host) the way apt does: {@code
 * sources.list} and {@code sources.list.d/*.list} in the one-line format, {@code
 * sources.list.d/*.sources} in deb822. Only {@code deb} entries count (not deb-src); disabled
 * entries ({@code Enabled: no}) and files with other extensions are ignored. Pure apart from
 * reading the files; thread-safe.
 */
public final class AptSources {
  private AptSources() {}

  /** Every binary source configured under {@code aptDir}, in apt's file order. */
  public static List<AptSource> load(Path aptDir) throws IOException {
    List<AptSource> out = new ArrayList<>();
    Path list = aptDir.resolve("sources.list");
    if (Files.isRegularFile(list)) {
      out.addAll(parseList(Files.readString(list)));
    }
    Path d = aptDir.resolve("sources.list.d");
    if (Files.isDirectory(d)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(d)) {
        files = s.sorted().toList();
      }
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".list")) {
          out.addAll(parseList(Files.readString(f)));
        } else if (name.endsWith(".sources")) {
          out.addAll(parseSources(Files.readString(f)));
        }
      }
    }
    return out;
  }

  /** Parses the one-line format: {@code deb [opt=val ...] uri suite [component...]}. */
  public static List<AptSource> parseList(String text) {
    List<AptSource> out = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> signedBy = new ArrayList<>();
      String rest = line;
      if (!rest.startsWith("deb ") && !rest.startsWith("deb\t")) {
        continue;
      }
      rest = rest.substring(3).strip();
      if (rest.startsWith("[")) {
        int close = rest.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in apt source line: " + line);
        }
        for (String opt : rest.substring(1, close).strip().split("\\s+")) {
          if (opt.startsWith("signed-by=")) {
            signedBy.addAll(Arrays.asList(opt.substring(10).split(",")));
          }
        }
        rest = rest.substring(close + 1).strip();
      }
      String[] words = rest.split("\\s+");
      if (words.length < 2) {
        throw new IllegalArgumentException("apt source line needs a URI and a suite: " + line);
      }
      out.add(
          new AptSource(
              uri(words[0]),
              List.of(words[1]),
              Arrays.asList(words).subList(2, words.length),
              signedBy));
    }
    return out;
  }

  /** Parses deb822 {@code .sources} text. Inline keys in Signed-By are not supported yet. */
  public static List<AptSource> parseSources(String text) {
    List<AptSource> out = new ArrayList<>();
    for (Paragraph p : Deb822.parse(text)) {
      if (p.get("Enabled", "yes").strip().equalsIgnoreCase("no")) {
        continue;
      }
      List<String> types = words(p.get("Types", ""));
      if (!types.contains("deb")) {
        continue;
      }
      List<String> signedBy = words(p.get("Signed-By", ""));
      if (signedBy.stream().anyMatch(s -> s.startsWith("-----BEGIN"))) {
        throw new IllegalArgumentException(
            "inline keys in Signed-By are not supported; put the key in a file and name it");
      }
      for (String u : words(p.get("URIs", ""))) {
        out.add(
            new AptSource(
                uri(u), words(p.get("Suites", "")), words(p.get("Components", "")), signedBy));
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static URI uri(String s) {
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }
}
