package dev.ingot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.AdvisoryDbException;
import dev.ingot.scan.db.DbImport;
import dev.ingot.scan.db.SegmentMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot db}: the offline advisory database used by scan ({@code import}, {@code info}). */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the offline advisory database used by scan.",
    subcommands = {DbCommand.Import.class, DbCommand.Info.class})
public final class DbCommand implements Runnable {
  private final CliEnv env;

  public DbCommand(CliEnv env) {
    this.env = env;
  }

  // The command line that ran this one: a new CommandLine(this) could not make the subcommands
  // (they take the environment), and `ingot db` alone printed picocli's exception.
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(env.out());
    env.out().flush();
  }

  /** Options both subcommands take. */
  static class Location {
    @Option(names = "--db", paramLabel = "DIR", description = "Database directory.")
    Path db;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory.")
    Path cacheDir;

    Path dir(CliEnv env) {
      Path d = db != null ? env.cwd().resolve(db) : AdvisoryDb.defaultDir(env.cacheDir(cacheDir));
      if (Files.exists(d) && !Files.isDirectory(d)) {
        throw new UsageException(
            "--db names a directory; " + d + " is a file (give a directory of its own)");
      }
      return d;
    }
  }

  /** {@code ingot db import SOURCE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import advisories from an OSV directory, zip or JSON file, or the Debian security tracker"
            + " JSON export, from a path or an http(s) URL. Nothing is downloaded otherwise.",
        "Importing a source again under the same name replaces it."
      })
  public static final class Import implements Callable<Integer> {
    private final CliEnv env;

    @Parameters(paramLabel = "SOURCE", description = "Path or http(s) URL.")
    String source;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "auto",
        description = "auto, osv or debian-tracker (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Name of the import (default: from the source).")
    String name;

    @CommandLine.Mixin Location location = new Location();

    public Import(CliEnv env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (!List.of("auto", "osv", "debian-tracker").contains(format)) {
        throw new UsageException("--format must be auto, osv or debian-tracker");
      }
      long t0 = System.nanoTime();
      try {
        // Ctrl-C or SIGTERM stops the download, the parsing or the segment's write; the database
        // stays as it was and no temporary file is left (the JVM would exit mid-write).
        return SignalHook.cancellable(
                env.err(),
                "stopping the import; the advisory database stays as it was",
                "the advisory database",
                cancel ->
                    new DbImport(location.dir(env), cancel)
                        .run(source, format, name, Instant.now()))
            .exitCode(m -> imported(m, (System.nanoTime() - t0) / 1_000_000));
      } catch (IOException | AdvisoryDbException e) {
        env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
        return 2;
      } catch (Exception e) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }

    private int imported(SegmentMeta m, long ms) {
      env.out()
          .printf(
              "imported %s as '%s' (%s): %d advisories, %d package records in %d ms%n",
              source, m.name(), m.kind(), m.advisories(), m.records(), ms);
      m.skipped().forEach((why, n) -> env.out().printf("  skipped %d: %s%n", n, why));
      env.out().flush();
      return 0;
    }
  }

  /** {@code ingot db info}. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "Show what the advisory database holds and when each source was imported.")
  public static final class Info implements Callable<Integer> {
    private final CliEnv env;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Mixin Location location = new Location();

    public Info(CliEnv env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Path dir = location.dir(env);
      try (AdvisoryDb db = AdvisoryDb.open(dir)) {
        if (json) {
          List<Object> segs = new ArrayList<>();
          for (SegmentMeta m : db.segments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", m.name());
            x.put("kind", m.kind());
            x.put("origin", m.origin());
            x.put("imported_at", m.importedAt().toString());
            x.put("advisories", m.advisories());
            x.put("records", m.records());
            x.put("packages", db.keyCounts().get(m.name()));
            x.put("skipped", m.skipped());
            segs.add(x);
          }
          env.out()
              .println(
                  new ObjectMapper()
                      .enable(SerializationFeature.INDENT_OUTPUT)
                      .writeValueAsString(Map.of("directory", dir.toString(), "sources", segs)));
        } else if (db.isEmpty()) {
          env.out()
              .println(
                  "The advisory database in "
                      + dir
                      + " is empty. Import one with 'ingot db import SOURCE' (an OSV export or the"
                      + " Debian security tracker JSON).");
        } else {
          env.out().println("Advisory database in " + dir);
          for (SegmentMeta m : db.segments()) {
            env.out()
                .printf(
                    "  %-20s %-15s %8d advisories %8d packages  imported %s  from %s%n",
                    m.name(),
                    m.kind(),
                    m.advisories(),
                    db.keyCounts().get(m.name()),
                    m.importedAt(),
                    m.origin());
          }
        }
      } catch (IOException | AdvisoryDbException e) {
        env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
        return 2;
      }
      env.out().flush();
      return 0;
    }
  }
}
