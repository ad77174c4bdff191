package dev.ingot.template.load;

import dev.ingot.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files of a template as Packer does: a directory means every {@code *.pkr.hcl} in it
 * (not below it) plus its {@code *.auto.pkrvars.hcl} and then {@code *.auto.pkrvars.json}, each
 * group in lexical order; a file means that one file and no auto var files. Names are kept as
 * written on the command line ("dir/a.pkr.hcl"), since diagnostics show them. Stateless.
 */
public final class TemplateFiles {
  public static final String TEMPLATE_SUFFIX = ".pkr.hcl";
  public static final String JSON_TEMPLATE_SUFFIX = ".pkr.json";

  /** A file to read: where it is and the name diagnostics use for it. */
  public record SourcePath(Path path, String name) {}

  /**
   * The files found. {@code rootDir} is the template's directory (absolute); {@code pathRoot} is
   * {@code path.root}: that directory as written (or ".").
   */
  public record Found(
      List<SourcePath> templates, List<SourcePath> autoVarFiles, Path rootDir, String pathRoot) {
    public Found {
      templates = List.copyOf(templates);
      autoVarFiles = List.copyOf(autoVarFiles);
    }
  }

  private TemplateFiles() {}

  /** The files for {@code arg} (relative to {@code cwd}), or empty after adding a diagnostic. */
  public static Optional<Found> find(String arg, Path cwd, List<Diagnostic> diags) {
    Path p = cwd.resolve(arg).normalize();
    if (Files.isDirectory(p)) {
      return directory(arg, p, diags);
    }
    if (!Files.isRegularFile(p)) {
      diags.add(
          Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              ? Diagnostic.error("Failed to read file", unreadable(arg, p), null)
              : Diagnostic.error(
                  "Template not found",
                  "There is no file or directory \"" + arg + "\" (from " + cwd + ").",
                  null));
      return Optional.empty();
    }
    String file = p.getFileName().toString();
    if (file.endsWith(JSON_TEMPLATE_SUFFIX)) {
      diags.add(jsonNotSupported(arg));
      return Optional.empty();
    }
    if (!file.endsWith(TEMPLATE_SUFFIX)) {
      diags.add(
          Diagnostic.error(
              "Not a template file",
              "Template files end in "
                  + TEMPLATE_SUFFIX
                  + "; \""
                  + arg
                  + "\" does not. Give a directory to load every "
                  + TEMPLATE_SUFFIX
                  + " file in it.",
              null));
      return Optional.empty();
    }
    Path parent = Path.of(arg).getParent();
    String root = parent == null ? "." : parent.toString();
    return Optional.of(new Found(List.of(new SourcePath(p, arg)), List.of(), p.getParent(), root));
  }

  private static boolean loaded(String name) {
    return name.endsWith(TEMPLATE_SUFFIX)
        || name.endsWith(".auto.pkrvars.hcl")
        || name.endsWith(".auto.pkrvars.json");
  }

  /** Why {@code p}, which exists as a name but is no regular file, cannot be read. */
  private static String unreadable(String name, Path p) {
    String why =
        Files.isSymbolicLink(p) && !Files.exists(p)
            ? "it is a symbolic link to a missing file"
            : Files.isDirectory(p)
                ? "it is a directory"
                : "it is not a regular file (a device, pipe or socket)";
    return "The file \"" + name + "\" could not be read: " + why + ".";
  }

  private static Optional<Found> directory(String arg, Path dir, List<Diagnostic> diags) {
    List<Path> all;
    try (Stream<Path> s = Files.list(dir)) {
      all = s.sorted().toList();
    } catch (IOException e) {
      diags.add(
          Diagnostic.error(
              "Failed to read directory",
              "The directory \"" + arg + "\" could not be read: " + e.getMessage(),
              null));
      return Optional.empty();
    }
    String prefix = arg.equals(".") ? "" : Path.of(arg).normalize() + "/";
    List<SourcePath> templates = new ArrayList<>();
    List<SourcePath> hclVars = new ArrayList<>();
    List<SourcePath> jsonVars = new ArrayList<>();
    boolean json = false;
    for (Path f : all) {
      String name = f.getFileName().toString();
      SourcePath sp = new SourcePath(f, prefix + name);
      if (!Files.isRegularFile(f)) {
        // As Packer: a template or var file that cannot be read is an error, not skipped (a
        // dangling link left the template quietly incomplete).
        if (loaded(name) && !Files.isDirectory(f)) { // directories are skipped, as by Packer
          diags.add(Diagnostic.error("Failed to read file", unreadable(prefix + name, f), null));
        }
        continue;
      }
      if (name.endsWith(TEMPLATE_SUFFIX)) {
        templates.add(sp);
      } else if (name.endsWith(".auto.pkrvars.hcl")) {
        hclVars.add(sp);
      } else if (name.endsWith(".auto.pkrvars.json")) {
        jsonVars.add(sp);
      } else if (name.endsWith(JSON_TEMPLATE_SUFFIX)) {
        json = true;
      }
    }
    if (templates.isEmpty()) {
      diags.add(
          json
              ? jsonNotSupported(arg)
              : Diagnostic.error(
                  "No template files found",
                  "The directory \""
                      + arg
                      + "\" has no "
                      + TEMPLATE_SUFFIX
                      + " file. Write one (ingot init NAME writes a starter template).",
                  null));
      return Optional.empty();
    }
    List<SourcePath> vars = new ArrayList<>(hclVars);
    vars.addAll(jsonVars);
    String root = prefix.isEmpty() ? "." : prefix.substring(0, prefix.length() - 1);
    return Optional.of(new Found(templates, vars, dir, root));
  }

  private static Diagnostic jsonNotSupported(String arg) {
    return Diagnostic.error(
        "JSON templates are not supported",
        "\""
            + arg
            + "\" is (or holds) a "
            + JSON_TEMPLATE_SUFFIX
            + " template; Ingot reads HCL templates ("
            + TEMPLATE_SUFFIX
            + ") only.",
        null);
  }
}
