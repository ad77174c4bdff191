package dev.ingot.scan;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.ContainerImage;
import dev.ingot.artifact.PushedImage;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import dev.ingot.scan.inventory.Inventory;
import dev.ingot.scan.inventory.InventoryReader;
import dev.ingot.scan.inventory.PackageSource;
import dev.ingot.scan.sbom.CycloneDxWriter;
import dev.ingot.scan.sbom.SbomInput;
import dev.ingot.scan.sbom.SpdxWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-processor {@code sbom}: writes the software bill of materials of the artifact's root
 * filesystem beside the artifacts, as CycloneDX 1.6 JSON ({@code sbom.cdx.json}) and SPDX 2.3 JSON
 * ({@code sbom.spdx.json}). The creation time is SOURCE_DATE_EPOCH so rebuilds give equal files.
 * The artifact is handed on unchanged (a container image lists the SBOMs among its outputs). Put
 * after {@code oci-push}, the SBOMs are also attached to the pushed image as OCI referrers.
 * Stateless; thread-safe.
 */
public final class SbomPostProcessor implements ScanTargets {
  public static final String CYCLONEDX_FILE = "sbom.cdx.json";
  public static final String SPDX_FILE = "sbom.spdx.json";

  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "formats",
              ArgType.STRING_LIST,
              List.of("cyclonedx", "spdx"),
              "SBOM formats to write: cyclonedx (1.6 JSON) and spdx (2.3 JSON)"),
          Arg.optional(
              "name", ArgType.STRING, null, "Name of the described image (default: build name)"),
          Arg.optional(
              "attach",
              ArgType.BOOL,
              true,
              "After oci-push: attach the SBOMs to the pushed image as OCI referrers"),
          Arg.optional(
              "insecure",
              ArgType.BOOL,
              false,
              "Plain HTTP to the registry (loopback registries only), as for oci-push"),
          Arg.optional("ca_file", ArgType.STRING, null, "CA certificates to trust (PEM)"));

  @Override
  public String type() {
    return "sbom";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Write a CycloneDX 1.6 and SPDX 2.3 SBOM of the packages in the image";
  }

  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(config, () -> formats(config));
  }

  private static List<String> formats(Config config) {
    List<String> formats =
        config.has("formats") ? config.strings("formats") : List.of("cyclonedx", "spdx");
    for (String f : formats) {
      if (!f.equals("cyclonedx") && !f.equals("spdx")) {
        throw config.error(
            "formats", "Unknown SBOM format \"" + f + "\"", "Use cyclonedx and/or spdx.");
      }
    }
    return formats;
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    List<String> formats = formats(config);
    RootFs rootfs =
        ScanTargets.rootfs(input)
            .orElseThrow(
                () ->
                    new DiagnosticsException(
                        Diagnostic.error(
                            "Nothing to describe in " + input.describe(),
                            "Put sbom after a step that keeps the root filesystem (a debian or rpm"
                                + " source, container or disk).",
                            config.block())));
    PackageSource src = PackageSource.of(rootfs);
    Inventory inv = new InventoryReader().read(src);
    String digest =
        switch (input) {
          case ContainerImage c -> c.manifestDigest();
          case PushedImage p -> p.digest();
          default -> "";
        };
    boolean container = input instanceof ContainerImage || input instanceof PushedImage;
    SbomInput in =
        new SbomInput(
            config.string("name", ctx.buildName()),
            digest,
            container ? "container" : "operating-system",
            inv,
            SbomInput.readLicenses(src.root(), inv),
            Instant.ofEpochSecond(ctx.sourceDateEpoch()),
            ScanPostProcessor.toolVersion());
    List<Path> written = new ArrayList<>();
    Files.createDirectories(ctx.outputDir());
    for (String f : formats) {
      Path target = ctx.outputDir().resolve(f.equals("cyclonedx") ? CYCLONEDX_FILE : SPDX_FILE);
      try (AtomicOutput o = AtomicOutput.file(target)) {
        Files.writeString(
            o.path(), f.equals("cyclonedx") ? CycloneDxWriter.write(in) : SpdxWriter.write(in));
        written.add(o.commit(true));
      }
    }
    if (input instanceof PushedImage pushed && config.bool("attach", true)) {
      dev.ingot.oci.registry.RegistrySettings rs =
          dev.ingot.oci.registry.RegistrySettings.DEFAULTS.withInsecure(
              config.bool("insecure", false));
      if (config.has("ca_file")) {
        rs = rs.withCaFile(ctx.templatePath(config.string("ca_file", "")));
      }
      List<String> refs = SbomReferrers.attach(pushed, written, rs, ctx);
      ctx.log().info("sbom: attached to " + pushed.id() + " as referrers " + refs);
    }
    inv.warnings().forEach(ctx.log()::warn);
    ctx.log().info("sbom: " + inv.packages().size() + " packages described in " + written);
    return ScanTargets.handOn(input, written);
  }
}
