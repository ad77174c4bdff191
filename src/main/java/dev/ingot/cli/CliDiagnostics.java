package dev.ingot.cli;

import dev.ingot.diag.DiagnosticPrinter;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints diagnostics for every command the way Packer does, with the source lines shown. */
final class CliDiagnostics {
  private CliDiagnostics() {}

  /** Prints {@code diags} to stderr, reading the source of each file that exists here. */
  static void print(Diagnostics diags, CliEnv env) {
    SourceSet sources = SourceSet.empty();
    for (var d : diags.all()) {
      if (d.subject() != null) {
        Path f = env.cwd().resolve(d.subject().filename());
        try {
          if (Files.isRegularFile(f) && sources.bytes(d.subject().filename()).isEmpty()) {
            sources = sources.with(d.subject().filename(), Files.readAllBytes(f), null);
          }
        } catch (IOException e) {
          // Without the source line the diagnostic still says what and where.
        }
      }
    }
    env.err().print(new DiagnosticPrinter(sources, DiagnosticPrinter.Options.PLAIN).format(diags));
    env.err().flush();
  }
}
