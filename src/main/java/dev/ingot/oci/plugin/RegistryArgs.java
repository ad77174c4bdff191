package dev.ingot.oci.plugin;

import dev.ingot.oci.registry.CredentialStore;
import dev.ingot.oci.registry.RegistrySettings;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The registry connection arguments shared by {@code oci-push} and source {@code oci}: {@code
 * insecure} (plain HTTP, loopback only) and {@code ca_file}. Credentials are never arguments: they
 * come from {@code REGISTRY_AUTH_FILE} or docker's config.json and its helpers. Pure; thread-safe.
 */
final class RegistryArgs {
  static final List<Arg> ARGS =
      List.of(
          Arg.optional(
              "insecure",
              ArgType.BOOL,
              false,
              "Plain HTTP; allowed only for a registry on a loopback address."),
          Arg.optional(
              "ca_file",
              ArgType.STRING,
              null,
              "PEM file of CA certificates to trust for the registry."));

  private RegistryArgs() {}

  static RegistrySettings settings(Config c, StepContext ctx) {
    RegistrySettings s = RegistrySettings.DEFAULTS.withInsecure(c.bool("insecure", false));
    if (c.has("ca_file")) {
      Path ca = ctx.templatePath(c.string("ca_file", ""));
      requireCaFile(c, ca);
      s = s.withCaFile(ca);
    }
    return s;
  }

  /** Refuses a ca_file that names no regular file, at the ca_file argument. */
  static void requireCaFile(Config c, Path ca) {
    if (!Files.isRegularFile(ca)) {
      throw c.error("ca_file", "CA file not found", "No file at " + ca + ".");
    }
  }

  static CredentialStore credentials(StepContext ctx) {
    return CredentialStore.fromEnv(ctx.env(), ctx.processes());
  }
}
