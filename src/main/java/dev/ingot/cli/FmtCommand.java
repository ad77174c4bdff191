package dev.ingot.cli;

import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.SourceSet;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.template.hcl.Formatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingot fmt}: rewrites {@code *.pkr.hcl} and {@code *.pkrvars.hcl} files into the canonical
 * layout of {@code packer fmt} and lists the files it changed. Exit codes as packer fmt: 0 when
 * done (or, with -check, when everything is formatted), 3 when -check finds files to format, 1 when
 * a file does not parse; 2 for a missing path. Files are replaced atomically.
 */
@Command(
    name = "fmt",
    description = "Rewrite template files (*.pkr.hcl, *.pkrvars.hcl) in the canonical format.",
    mixinStandardHelpOptions = true)
public final class FmtCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or directories to format (default: the current directory).")
  private List<String> paths = new ArrayList<>();

  @Option(
      names = {"-check", "--check"},
      description = "Only check: list the files that need formatting and exit 3 if there are any.")
  private boolean check;

  @Option(
      names = {"-diff", "--diff"},
      description = "Show the changes as a unified diff.")
  private boolean diff;

  @Option(
      names = {"-recursive", "--recursive"},
      description = "Also format files in subdirectories.")
  private boolean recursive;

  @Option(
      names = {"-write", "--write"},
      arity = "1",
      defaultValue = "true",
      paramLabel = "BOOL",
      description = "Write the formatted files (default true; -check never writes).")
  private boolean write;

  public FmtCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    List<String> targets = paths.isEmpty() ? List.of(".") : paths;
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String t : targets) {
      collect(t, files, names);
    }
    boolean unformatted = false;
    boolean failed = false;
    for (int i = 0; i < files.size(); i++) {
      byte[] bytes = Files.readAllBytes(files.get(i));
      String name = names.get(i);
      Formatter.Result r = Formatter.format(bytes, name);
      if (!r.diagnostics().isEmpty()) {
        print(r.diagnostics(), name, bytes);
      }
      if (r.text().isEmpty()) {
        failed = true;
        continue;
      }
      String before = new String(bytes, StandardCharsets.UTF_8);
      String after = r.text().get();
      if (after.equals(before)) {
        continue;
      }
      unformatted = true;
      env.out().println(name);
      if (diff) {
        env.out().print(UnifiedDiff.of(name, before, after));
      }
      if (!check && write) {
        replace(files.get(i), after);
      }
    }
    env.out().flush();
    if (failed) {
      return 1;
    }
    return check && unformatted ? 3 : 0;
  }

  private void collect(String target, List<Path> files, List<String> names) throws IOException {
    Path p = env.cwd().resolve(target).normalize();
    if (Files.isRegularFile(p)) {
      files.add(p);
      names.add(target);
      return;
    }
    if (!Files.isDirectory(p)) {
      throw new UsageException("there is no file or directory " + target);
    }
    try (Stream<Path> s = recursive ? Files.walk(p) : Files.list(p)) {
      for (Path f :
          s.filter(Files::isRegularFile).filter(FmtCommand::formattable).sorted().toList()) {
        files.add(f);
        String rel = p.relativize(f).toString();
        names.add(target.equals(".") ? rel : Path.of(target).resolve(rel).toString());
      }
    }
  }

  private static boolean formattable(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".pkr.hcl") || n.endsWith(".pkrvars.hcl");
  }

  private void print(Diagnostics diags, String name, byte[] bytes) {
    dev.ingot.diag.DiagnosticPrinter printer =
        new dev.ingot.diag.DiagnosticPrinter(
            SourceSet.of(name, bytes), dev.ingot.diag.DiagnosticPrinter.Options.PLAIN);
    env.err().print(printer.format(diags));
    env.err().flush();
  }

  // A temporary sibling renamed over the file: never a half-written template. Through a symbolic
  // link to the file it names, which keeps its mode (as gofmt and terraform fmt do).
  private static void replace(Path file, String text) throws IOException {
    try (AtomicOutput out = AtomicOutput.file(file)) {
      Files.writeString(out.path(), text, StandardCharsets.UTF_8);
      out.commit(true);
    }
  }
}
