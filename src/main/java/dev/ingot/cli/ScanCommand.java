package dev.ingot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ingot.artifact.RootFs;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.oci.image.ImageReader;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.ScratchDir;
import dev.ingot.scan.Scanner;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.db.AdvisoryDbException;
import dev.ingot.scan.harden.Hardening;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.inventory.ScannedFiles;
import dev.ingot.scan.match.Severities;
import dev.ingot.scan.policy.FailOn;
import dev.ingot.scan.policy.Ignore;
import dev.ingot.scan.policy.Policy;
import dev.ingot.scan.report.ReportFormat;
import dev.ingot.scan.report.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingot scan TARGET}: the same gate as the {@code scan} post-processor, on a root filesystem
 * directory. Exit 0 when the policy passes, 1 when it fails, 2 for usage and I/O errors.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan a root filesystem for vulnerable packages (offline advisory database) and hardening"
          + " problems, and apply a policy.",
      "Exit status: 0 pass, 1 policy failure, 2 usage or I/O error."
    })
public final class ScanCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(
      paramLabel = "TARGET",
      description =
          "A root filesystem directory (or dir:PATH), or an image: oci-layout:PATH,"
              + " oci-archive:PATH, docker-archive:PATH or a registry reference.")
  String target;

  @Option(names = "--db", paramLabel = "DIR", description = "Advisory database directory.")
  Path db;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory.")
  Path cacheDir;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "critical",
      description = "critical, high, medium, low or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--only-fixed", description = "Count only findings that have a fixed version.")
  boolean onlyFixed;

  @Option(
      names = "--allow-empty-db",
      description =
          "Scan even when the advisory database is empty (hardening checks only); without it"
              + " that is an error, not a pass.")
  boolean allowEmptyDb;

  @Option(names = "--ignore", paramLabel = "ID", description = "Accept a risk (repeatable).")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--ignore-file",
      paramLabel = "FILE",
      description = "YAML or JSON list of {id, package, until, reason}.")
  Path ignoreFile;

  @Option(
      names = "--severity-source",
      paramLabel = "LIST",
      split = ",",
      description = "Order of trust: cvss_v4,cvss_v3,vendor (the default).")
  List<String> severitySource;

  @Option(
      names = "--checks",
      paramLabel = "LIST",
      split = ",",
      description = "Hardening profiles to run: baseline.")
  List<String> checks = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, sarif or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Mixin RegistryOptions registry = new RegistryOptions();

  public ScanCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    ReportFormat fmt =
        ReportFormat.parse(format)
            .orElseThrow(() -> new UsageException("--format must be table, json, sarif or html"));
    Policy policy = policy();
    Path dbDir = db != null ? env.cwd().resolve(db) : AdvisoryDb.defaultDir(env.cacheDir(cacheDir));
    ScanReport report;
    try {
      SignalHook.Outcome<ScanReport> run =
          SignalHook.cancellable(
              env.err(),
              "stopping the scan and removing its temporary files",
              output == null ? "the report" : output,
              cancel -> {
                Scanner scanner = new Scanner(dbDir, Ingot.VERSION, allowEmptyDb);
                Path dir = directoryTarget();
                ScanReport r;
                if (dir != null) { // read in place: no scratch, so a read-only cache is fine
                  r = scanner.scan(PackageSource.of(dir), policy, Instant.now());
                } else {
                  // An image is flattened into a directory of this run, removed however it ends.
                  try (ScratchDir scratch =
                      ScratchDir.create(env.cacheDir(cacheDir).resolve("scan"), "run")) {
                    r = scanner.scan(image(cancel, scratch.path()), policy, Instant.now());
                  }
                }
                // Matching does not look at the token: a signal that came during it must still
                // stop the report (it printed "Interrupted", then the report, and exited 0).
                cancel.check();
                return r;
              });
      if (!(run instanceof SignalHook.Outcome.Done<ScanReport> done)) {
        return run.exitCode(r -> 0);
      }
      report = done.value();
    } catch (UsageException e) {
      throw e;
    } catch (IOException | AdvisoryDbException e) {
      env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
      return 2;
    } catch (Exception e) {
      // Exit 1 means the policy failed, which CI reads as "vulnerable": an input that cannot be
      // read (a damaged layer, a hostile tar name) must not say that.
      env.err().println("Error: cannot scan the input: " + dev.ingot.plugin.IoMessages.describe(e));
      if (env.env().containsKey("INGOT_DEBUG")) {
        e.printStackTrace(env.err());
      }
      return 2;
    }
    String text = fmt.render(report);
    if (output == null) {
      env.out().print(text);
    } else {
      try (AtomicOutput o = AtomicOutput.stream(env.cwd().resolve(output))) {
        Files.writeString(o.path(), text);
        o.commit(true);
      } catch (IOException e) {
        env.err()
            .println(
                "Error: cannot write " + output + ": " + dev.ingot.plugin.IoMessages.describe(e));
        return 2;
      }
      env.err()
          .println(
              report.result().failed()
                  ? "FAILED: " + report.result().summary()
                  : "PASSED: " + report.result().summary());
    }
    env.out().flush();
    env.err().flush();
    return report.exitCode();
  }

  /**
   * The directory a directory target (or dir:PATH) names, read in place; null for an image spec.
   * Anything else is a usage error, found before any scratch directory is made.
   */
  private Path directoryTarget() {
    Path root = env.cwd().resolve(target.startsWith("dir:") ? target.substring(4) : target);
    if (target.startsWith("dir:") || Files.isDirectory(root)) {
      if (!Files.isDirectory(root)) {
        throw new UsageException(target + " is not a directory holding a root filesystem");
      }
      return root;
    }
    boolean imageSpec =
        target.matches("^(oci-layout|oci|oci-archive|docker-archive|docker):.*")
            || (target.contains("/") && !Files.exists(root));
    if (!imageSpec) {
      throw new UsageException(
          target
              + " is neither a directory nor an image (oci-layout:PATH, oci-archive:PATH,"
              + " docker-archive:PATH or a registry reference)");
    }
    return null;
  }

  /** The image spec opened and flattened into {@code scratch}. */
  private PackageSource image(Cancellation cancel, Path scratch) throws IOException {
    Path cache = env.cacheDir(cacheDir);
    RootFs fs =
        ImageReader.read(
            target,
            new DirBlobStore(cache.resolve("oci").resolve("blobs")),
            new DirBlobStore(scratch),
            registry.opener(env, RegistryOptions.quiet(env), true, cancel),
            ScannedFiles.POLICY);
    return PackageSource.of(fs);
  }

  private Policy policy() {
    FailOn f =
        FailOn.parse(failOn)
            .orElseThrow(
                () -> new UsageException("--fail-on must be critical, high, medium, low or none"));
    List<Ignore> ignores = new ArrayList<>();
    ignore.forEach(i -> ignores.add(new Ignore(i, null, null, "--ignore on the command line")));
    if (ignoreFile != null) {
      ignores.addAll(readIgnores(env.cwd().resolve(ignoreFile)));
    }
    List<String> order = severitySource == null ? Severities.SOURCES : severitySource;
    for (String s : order) {
      if (!Severities.SOURCES.contains(s)) {
        throw new UsageException("--severity-source takes cvss_v4, cvss_v3 and vendor, not " + s);
      }
    }
    for (String c : checks) {
      if (!Hardening.profileNames().contains(c)) {
        throw new UsageException("--checks: unknown profile " + c + " (available: baseline)");
      }
    }
    return new Policy(f, onlyFixed, ignores, order, checks);
  }

  private static List<Ignore> readIgnores(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException("cannot read --ignore-file " + file + ": " + e.getMessage());
    }
    JsonNode list = root != null && root.has("ignore") ? root.get("ignore") : root;
    if (list == null || !list.isArray()) {
      throw new UsageException(
          "--ignore-file " + file + " must hold a list of {id, package, until, reason}");
    }
    List<Ignore> out = new ArrayList<>();
    for (JsonNode n : list) {
      String id = n.path("id").asText("");
      if (id.isBlank()) {
        throw new UsageException("--ignore-file " + file + ": an entry has no id");
      }
      LocalDate until = null;
      if (!n.path("until").asText("").isBlank()) {
        try {
          until = LocalDate.parse(n.path("until").asText());
        } catch (DateTimeParseException e) {
          throw new UsageException(
              "--ignore-file " + file + ": until of " + id + " must be YYYY-MM-DD");
        }
      }
      out.add(new Ignore(id, n.path("package").asText(null), until, n.path("reason").asText("")));
    }
    return out;
  }
}
