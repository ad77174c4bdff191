package dev.ingot.cli;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.Range;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints diagnostics as HCL does: {@code Error: <summary>}, {@code on <file> line <n>:}, the source
 * line with a caret under the subject, then the detail. Reads source lines relative to {@code cwd}
 * when the file exists.
 */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void print(Diagnostics ds, Path cwd, PrintWriter err) {
    for (Diagnostic d : ds.all()) {
      print(d, cwd, err);
    }
    err.flush();
  }

  static void print(Diagnostic d, Path cwd, PrintWriter err) {
    err.println((d.isError() ? "Error: " : "Warning: ") + d.summary());
    Range r = d.subject();
    if (r != null) {
      err.println();
      err.println("  on " + r.filename() + " line " + r.start().line() + ":");
      sourceLine(cwd.resolve(r.filename()), r.start().line())
          .ifPresent(
              line -> {
                String num = String.format("%4d: ", r.start().line());
                err.println(num + line);
                int width =
                    r.end().line() == r.start().line()
                        ? Math.max(1, r.end().column() - r.start().column())
                        : 1;
                err.println(" ".repeat(num.length() + r.start().column() - 1) + "^".repeat(width));
              });
    }
    if (!d.detail().isBlank()) {
      err.println();
      err.println(d.detail());
    }
    err.println();
  }

  private static java.util.Optional<String> sourceLine(Path file, int line) {
    try {
      List<String> lines = Files.readAllLines(file);
      return line <= lines.size()
          ? java.util.Optional.of(lines.get(line - 1))
          : java.util.Optional.empty();
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }
}
