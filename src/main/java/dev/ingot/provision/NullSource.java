package dev.ingot.provision;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.plugin.StepContext;

/**
 * Source {@code null}: makes nothing, so a build can run shell-local provisioners and
 * post-processors alone. Accepts Packer's null-builder arguments so Packer templates validate, but
 * only {@code communicator = "none"} runs (Ingot has no SSH communicator for it). Lives with the
 * local provisioners it exists for. Stateless.
 */
public final class NullSource implements SourcePlugin {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional("communicator", ArgType.STRING, "none", "Only \"none\" is supported."),
          Arg.optional("ssh_host", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("ssh_port", ArgType.NUMBER, null, "Accepted for Packer templates."),
          Arg.optional("ssh_username", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("ssh_password", ArgType.STRING, null, "Accepted for Packer templates.")
              .asSensitive(),
          Arg.optional(
              "ssh_private_key_file", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("ssh_agent_auth", ArgType.BOOL, null, "Accepted for Packer templates."),
          Arg.optional("ssh_timeout", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("winrm_host", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("winrm_username", ArgType.STRING, null, "Accepted for Packer templates."),
          Arg.optional("winrm_password", ArgType.STRING, null, "Accepted for Packer templates.")
              .asSensitive());

  @Override
  public String type() {
    return "null";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Makes no artifact; for builds of shell-local steps only.";
  }

  @Override
  public Artifact build(Config config, StepContext ctx) {
    Checks.orThrow(check(config));
    return new NoArtifact();
  }

  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    String comm = config.string("communicator", "none");
    if (comm.equals("none")) {
      return dev.ingot.diag.Diagnostics.NONE;
    }
    return dev.ingot.diag.Diagnostics.of(
        Checks.error(
            config,
            "communicator",
            "Unsupported communicator \"" + comm + "\" for the null source",
            "Ingot's null source has no communicator; set communicator = \"none\" and use"
                + " shell-local provisioners."));
  }

  @Override
  public Class<? extends Artifact> produces(Config config) {
    return NoArtifact.class;
  }
}
