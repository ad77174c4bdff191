package dev.ingot.provision;

import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProcessRunner;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scripts on this machine for the shell-local provisioner and post-processor, as Packer does:
 * each script is copied to an executable temporary file and run with execute_command (default
 * {@code /bin/sh -c "{{.Vars}} {{.Script}}"}); output is streamed line by line to the log; an exit
 * code not in valid_exit_codes fails the step; cancellation kills the whole process tree.
 */
final class LocalShell {
  private LocalShell() {}

  private static final List<String> DEFAULT_EXECUTE =
      List.of("/bin/sh", "-c", "{{.Vars}} {{.Script}}");

  static final Schema SCHEMA =
      new Schema(
              List.of(
                  Arg.optional("command", ArgType.STRING, null, "One command, run as a script."),
                  Arg.optional(
                      "execute_command",
                      ArgType.STRING_LIST,
                      DEFAULT_EXECUTE,
                      "How to run each script; {{.Vars}} and {{.Script}} are replaced."),
                  Arg.optional(
                      "only_on",
                      ArgType.STRING_LIST,
                      null,
                      "Run only on these OSes (linux, darwin)."),
                  Arg.optional("use_linux_pathing", ArgType.BOOL, null, "Windows only; ignored."),
                  Arg.optional(
                      "tempfile_extension", ArgType.STRING, null, "Windows only; ignored.")))
          .plus(ShellArgs.COMMON);

  static dev.ingot.diag.Diagnostics check(Config c) {
    return Checks.of(ShellArgs.check(c, true));
  }

  static void run(Config c, StepContext ctx, Map<String, String> extraEnv) throws Exception {
    Checks.orThrow(check(c));
    List<String> onlyOn = c.strings("only_on");
    if (!onlyOn.isEmpty() && !onlyOn.contains("linux")) {
      ctx.log().info("Skipping shell-local: only_on does not include linux");
      return;
    }
    Map<String, String> env = new LinkedHashMap<>(ShellArgs.environment(c, ctx));
    env.putAll(extraEnv);
    List<String> execute =
        c.has("execute_command") ? c.strings("execute_command") : DEFAULT_EXECUTE;
    List<Integer> valid = ShellArgs.validExitCodes(c);
    for (ShellArgs.Script s : ShellArgs.scripts(c, ctx)) {
      Path tmp = Files.createTempFile("ingot-shell", ".sh");
      try {
        Files.copy(s.file(), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        ctx.log().info("Running local shell script: " + (s.temporary() ? tmp : s.label()));
        List<String> cmd =
            execute.stream()
                .map(
                    x ->
                        ShellArgs.fill(
                            ShellArgs.fill(x, "Vars", ShellArgs.vars(env)),
                            "Script",
                            tmp.toString()))
                .toList();
        ProcessRunner.Result r =
            ctx.processes().run(cmd, ctx.cwd(), env, ctx.log()::output, null, ctx.cancellation());
        ShellArgs.checkExit(r.exitCode(), valid, s.temporary() ? "inline script" : s.label());
      } finally {
        Files.deleteIfExists(tmp);
        if (s.temporary()) {
          Files.deleteIfExists(s.file());
        }
      }
    }
  }
}
