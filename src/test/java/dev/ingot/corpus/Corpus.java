package dev.ingot.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The template corpus under {@code src/test/resources/templates} (see its README): cases, their
 * command-line arguments, environment and expected diagnostics, and the Packer parity list.
 */
final class Corpus {
  static final Path ROOT = Path.of("src/test/resources/templates");

  /** One case: {@code kind} is "valid" or "invalid"; {@code target} is the file or directory. */
  record Case(String kind, String name, Path target) {
    Path folder() {
      return ROOT.resolve(kind);
    }

    String id() {
      return kind + "/" + name;
    }

    boolean valid() {
      return kind.equals("valid");
    }

    /** The target as passed on the command line, relative to {@link #folder()}. */
    String argument() {
      return target.getFileName().toString();
    }

    List<String> args() {
      return lines(folder().resolve(name + ".args"));
    }

    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (String l : lines(folder().resolve(name + ".env"))) {
        int eq = l.indexOf('=');
        env.put(l.substring(0, eq), l.substring(eq + 1));
      }
      return env;
    }

    /** The expected diagnostic lines; empty when there is no .expected file. */
    List<String> expected() {
      return lines(folder().resolve(name + ".expected"));
    }

    Path expectedFile() {
      return folder().resolve(name + ".expected");
    }

    @Override
    public String toString() {
      return id();
    }
  }

  private Corpus() {}

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String kind : List.of("valid", "invalid")) {
      try (Stream<Path> s = Files.list(ROOT.resolve(kind))) {
        s.sorted()
            .forEach(
                p -> {
                  String f = p.getFileName().toString();
                  if (Files.isDirectory(p)) {
                    out.add(new Case(kind, f, p));
                  } else if (f.endsWith(".pkr.hcl")) {
                    out.add(new Case(kind, f.substring(0, f.length() - 8), p));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Every file of the corpus that fmt reads: {@code *.pkr.hcl} and {@code *.pkrvars.hcl}. */
  static List<Path> formattableFiles() {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(
              p -> p.toString().endsWith(".pkr.hcl") || p.toString().endsWith(".pkrvars.hcl"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line of packer-parity.txt: "differs" (opposite verdict) or "ingot-only" (not run). */
  record Difference(String kind, String reason) {
    boolean ingotOnly() {
      return kind.equals("ingot-only");
    }
  }

  /** The cases where Packer 1.6.6 is expected to disagree or is not asked, by id. */
  static Map<String, Difference> packerDifferences() {
    Map<String, Difference> out = new LinkedHashMap<>();
    for (String l : lines(ROOT.resolve("packer-parity.txt"))) {
      String[] parts = l.split("\\s+", 3);
      if (parts.length < 3 || !(parts[1].equals("differs") || parts[1].equals("ingot-only"))) {
        throw new IllegalStateException("bad line in packer-parity.txt: " + l);
      }
      out.put(parts[0], new Difference(parts[1], parts[2]));
    }
    return out;
  }

  /** Non-blank lines that are not # comments. */
  static List<String> lines(Path p) {
    if (!Files.exists(p)) {
      return List.of();
    }
    try {
      return Files.readAllLines(p).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
