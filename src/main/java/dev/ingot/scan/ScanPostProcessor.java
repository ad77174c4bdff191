package dev.ingot.scan;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostics;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import dev.ingot.scan.db.AdvisoryDb;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.match.Finding;
import dev.ingot.scan.policy.Policy;
import dev.ingot.scan.report.ReportFormat;
import dev.ingot.scan.report.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-processor {@code scan}: the security gate. Reads the packages of the artifact's root
 * filesystem, matches them against the offline advisory database, runs the hardening checks asked
 * for, writes the reports to the output directory, and fails the build with {@link
 * ScanPolicyException} when the policy says so. The engine runs it before any publishing step. The
 * artifact is handed on unchanged (a container image also lists the reports as outputs). Stateless;
 * thread-safe.
 */
public final class ScanPostProcessor implements ScanTargets {
  @Override
  public String type() {
    return "scan";
  }

  @Override
  public Schema schema() {
    return ScanSettings.SCHEMA;
  }

  @Override
  public String description() {
    return "Scan for vulnerabilities and hardening problems; fail the build by policy";
  }

  /** The policy and report formats (the database is read when the step runs). */
  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(
        config,
        () -> {
          ScanSettings.policy(config);
          ScanSettings.formats(config);
        });
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    Policy policy = ScanSettings.policy(config);
    List<ReportFormat> formats = ScanSettings.formats(config);
    RootFs rootfs =
        ScanTargets.rootfs(input)
            .orElseThrow(
                () ->
                    new dev.ingot.diag.DiagnosticsException(
                        dev.ingot.diag.Diagnostic.error(
                            "Nothing to scan in " + input.describe(),
                            "Put scan after a step that keeps the root filesystem (a debian or rpm"
                                + " source, container or disk).",
                            config.block())));
    Path dbDir =
        config
            .string("database")
            .map(ctx::templatePath)
            .orElse(AdvisoryDb.defaultDir(ctx.cacheDir()));
    ctx.cancellation().check();
    ScanReport report =
        new Scanner(dbDir, toolVersion(), config.bool("allow_empty_db", false))
            .scan(PackageSource.of(rootfs), policy, Instant.now());
    List<Path> written = write(report, formats, ctx.outputDir());
    report.warnings().forEach(ctx.log()::warn);
    report.result().notes().forEach(ctx.log()::warn);
    ctx.log()
        .info(
            "scan: "
                + report.result().findings().size()
                + " finding(s), "
                + report.result().summary()
                + "; reports: "
                + written);
    if (report.result().failed()) {
      throw new ScanPolicyException(failureMessage(report, written), written);
    }
    return ScanTargets.handOn(input, written);
  }

  static List<Path> write(ScanReport r, List<ReportFormat> formats, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.createDirectories(dir);
    for (ReportFormat f : formats) {
      try (AtomicOutput o = AtomicOutput.file(dir.resolve(f.fileName()))) {
        Files.writeString(o.path(), f.render(r));
        out.add(o.commit(true));
      }
    }
    return out;
  }

  static String failureMessage(ScanReport r, List<Path> written) {
    StringBuilder b = new StringBuilder("scan policy failed: ").append(r.result().summary());
    for (Finding f : r.result().failing().subList(0, Math.min(20, r.result().failing().size()))) {
      b.append("\n  ")
          .append(f.severity().rating().label())
          .append(' ')
          .append(f.id())
          .append(" in ")
          .append(f.pkg().name())
          .append(' ')
          .append(f.pkg().version())
          .append(f.hasFix() ? " (fixed in " + f.fixedVersion() + ")" : " (no fix yet)");
    }
    r.result()
        .failingChecks()
        .forEach(
            c -> b.append("\n  check ").append(c.check().id()).append(": ").append(c.details()));
    b.append("\nAdd an ignore block with a reason and an until date to accept a risk, or set")
        .append(" only_fixed = true to count only findings that have a fix.");
    if (!written.isEmpty()) {
      b.append("\nReports (kept when the failed build's outputs are removed): ")
          .append(String.join(", ", written.stream().map(Path::toString).toList()));
    }
    return b.toString();
  }

  static String toolVersion() {
    String v = ScanPostProcessor.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
