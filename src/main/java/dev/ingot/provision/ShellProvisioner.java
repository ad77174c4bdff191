package dev.ingot.provision;

import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisioner {@code shell}: uploads each script to the target (remote_folder/remote_file) and runs
 * it there with execute_command (default {@code chmod +x {{.Path}}; {{.Vars}} {{.Path}}}), over the
 * source's communicator; then removes it unless skip_clean. Packer's SSH-only settings
 * (expect_disconnect, start_retry_timeout, …) are accepted and ignored.
 */
public final class ShellProvisioner implements ProvisionerPlugin {
  private static final String DEFAULT_EXECUTE = "chmod +x {{.Path}}; {{.Vars}} {{.Path}}";

  private static final Schema SCHEMA =
      new Schema(
              List.of(
                  Arg.optional(
                      "execute_command",
                      ArgType.STRING,
                      "chmod +x {{.Path}}; {{.Vars}} {{.Path}}",
                      "How to run each script in the target."),
                  Arg.optional(
                      "remote_folder", ArgType.STRING, "/tmp", "Where scripts are uploaded."),
                  Arg.optional("remote_file", ArgType.STRING, null, "The uploaded script's name."),
                  Arg.optional("remote_path", ArgType.STRING, null, "remote_folder/remote_file."),
                  Arg.optional(
                      "skip_clean", ArgType.BOOL, false, "Leave the script in the target."),
                  Arg.optional("binary", ArgType.BOOL, null, "Accepted for Packer templates."),
                  Arg.optional("expect_disconnect", ArgType.BOOL, null, "Accepted and ignored."),
                  Arg.optional(
                      "start_retry_timeout", ArgType.STRING, null, "Accepted and ignored."),
                  Arg.optional("pause_after", ArgType.STRING, null, "Accepted and ignored."),
                  Arg.optional("use_env_var_file", ArgType.BOOL, null, "Accepted and ignored."),
                  Arg.optional(
                      "remote_env_var_path", ArgType.STRING, null, "Accepted and ignored.")))
          .plus(ShellArgs.COMMON);

  @Override
  public String type() {
    return "shell";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public dev.ingot.diag.Diagnostics check(Config config) {
    return Checks.of(ShellArgs.check(config, false));
  }

  @Override
  public String description() {
    return "Runs shell scripts inside the build target.";
  }

  @Override
  public void provision(Config c, Optional<Communicator> communicator, StepContext ctx)
      throws Exception {
    Communicator comm =
        communicator.orElseThrow(
            () ->
                c.error(
                    "inline",
                    "No communicator",
                    "The shell provisioner runs in the build target; this source has none. Use shell-local."));
    Checks.orThrow(check(c));
    Map<String, String> env = ShellArgs.environment(c, ctx);
    List<Integer> valid = ShellArgs.validExitCodes(c);
    String remote =
        c.string("remote_path")
            .orElseGet(
                () ->
                    c.string("remote_folder", "/tmp").replaceAll("/+$", "")
                        + "/"
                        + c.string(
                            "remote_file", "script_" + (ctx.sourceDateEpoch() % 10_000) + ".sh"));
    for (ShellArgs.Script s : ShellArgs.scripts(c, ctx)) {
      try {
        ctx.log()
            .info(
                "Provisioning with shell script: " + (s.temporary() ? "inline script" : s.label()));
        comm.upload(s.file(), remote);
        String cmd =
            ShellArgs.fill(
                ShellArgs.fill(
                    c.string("execute_command", DEFAULT_EXECUTE), "Vars", ShellArgs.vars(env)),
                "Path",
                quote(remote));
        int code = comm.exec(cmd, env, ctx.log()::output);
        ctx.cancellation().check();
        ShellArgs.checkExit(code, valid, s.temporary() ? "inline script" : s.label());
        if (!c.bool("skip_clean", false)) {
          comm.exec("rm -f " + quote(remote), Map.of(), ctx.log()::output);
        }
      } finally {
        if (s.temporary()) {
          Files.deleteIfExists(s.file());
        }
      }
    }
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./-]+") ? s : "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
