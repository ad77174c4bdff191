package dev.ingot.cli;

import dev.ingot.oci.image.ImageOpener;
import dev.ingot.oci.model.Platform;
import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Registry options shared by {@code push} and {@code inspect-image} (a picocli mixin). */
final class RegistryOptions {
  @Option(names = "--insecure", description = "Plain HTTP (loopback registries only).")
  boolean insecure;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "CA certificates to trust.")
  Path caFile;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH",
      defaultValue = "linux/amd64",
      description = "Platform to pick from an index (default: ${DEFAULT-VALUE}).")
  String platform;

  RegistrySettings settings(CliEnv env) {
    RegistrySettings s = RegistrySettings.DEFAULTS.withInsecure(insecure);
    if (caFile != null) {
      Path ca = env.cwd().resolve(caFile);
      if (!Files.isRegularFile(ca)) {
        throw new UsageException("CA file not found: " + ca);
      }
      s = s.withCaFile(ca);
    }
    return s;
  }

  ImageOpener.Options opener(CliEnv env, BuildLog log, boolean layers) {
    return opener(env, log, layers, new Cancellation());
  }

  /** Options whose reads and requests stop once {@code cancel} is cancelled. */
  ImageOpener.Options opener(CliEnv env, BuildLog log, boolean layers, Cancellation cancel) {
    Platform p;
    try {
      p = Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new ImageOpener.Options(
        p,
        settings(env),
        CredentialStore.fromEnv(env.env(), new LocalProcessRunner()),
        cancel,
        log,
        env.cwd(),
        layers);
  }

  /** A log that prints warnings to stderr and drops the rest (commands print their own lines). */
  static BuildLog quiet(CliEnv env) {
    return new BuildLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        env.err().println("Warning: " + message);
      }

      @Override
      public void output(String line) {}

      @Override
      public void progress(String task, long done, long total) {}
    };
  }
}
