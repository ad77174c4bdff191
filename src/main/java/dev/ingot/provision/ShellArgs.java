package dev.ingot.provision;

import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.StepContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the shell and shell-local steps share: Packer's script arguments (exactly one of command,
 * inline, script, scripts), the environment they get, and the {@code {{.Vars}}}-style placeholders
 * of execute_command.
 */
final class ShellArgs {
  private ShellArgs() {}

  static final List<Arg> COMMON =
      List.of(
          Arg.optional("inline", ArgType.STRING_LIST, null, "Commands, run as one script."),
          Arg.optional("script", ArgType.STRING, null, "A script file to run."),
          Arg.optional("scripts", ArgType.STRING_LIST, null, "Script files, run in order."),
          Arg.optional(
              "environment_vars", ArgType.STRING_LIST, null, "KEY=value pairs for the scripts."),
          Arg.optional("env", ArgType.STRING_MAP, null, "Environment for the scripts."),
          Arg.optional(
              "inline_shebang", ArgType.STRING, "/bin/sh -e", "The #! line of inline scripts."),
          Arg.optional(
              "valid_exit_codes",
              ArgType.listOf(ArgType.NUMBER),
              List.of(BigDecimal.ZERO),
              "Exit codes that count as success."),
          Arg.optional("env_var_format", ArgType.STRING, null, "Accepted for Packer templates."));

  /** One script to run: its local file, and a label for the log. */
  record Script(java.nio.file.Path file, String label, boolean temporary) {}

  /**
   * Packer's validate checks of script steps: exactly one of (command,) inline, script, scripts;
   * environment_vars entries are KEY=value; valid_exit_codes are whole numbers.
   */
  static List<dev.ingot.diag.Diagnostic> check(Config c, boolean withCommand) {
    List<dev.ingot.diag.Diagnostic> out = new ArrayList<>();
    int n =
        (withCommand && c.has("command") ? 1 : 0)
            + (c.has("inline") ? 1 : 0)
            + (c.has("script") ? 1 : 0)
            + (c.has("scripts") ? 1 : 0);
    if (n != 1) {
      String names =
          withCommand ? "command, inline, script or scripts" : "inline, script or scripts";
      out.add(
          Checks.error(
              c,
              c.has("inline") ? "inline" : "script",
              n == 0 ? "Nothing to run" : "Only one of " + names + " can be set",
              "Set exactly one of " + names + "."));
    }
    for (String kv : c.strings("environment_vars")) {
      if (kv.indexOf('=') <= 0) {
        out.add(
            Checks.error(
                c,
                "environment_vars",
                "Bad environment variable \"" + kv + "\"",
                "Each entry must be KEY=value."));
      }
    }
    for (String code : c.strings("valid_exit_codes")) {
      if (!code.matches("-?\\d+")) {
        out.add(
            Checks.error(
                c,
                "valid_exit_codes",
                "Bad exit code \"" + code + "\"",
                "Exit codes are whole numbers."));
      }
    }
    return out;
  }

  /** The inline lines (or the single command) as script text with its shebang. */
  static String inlineText(Config c) {
    List<String> lines = c.has("command") ? List.of(c.string("command", "")) : c.strings("inline");
    return "#!" + c.string("inline_shebang", "/bin/sh -e") + "\n" + String.join("\n", lines) + "\n";
  }

  /** The scripts to run, resolved against the template directory; inline text is written out. */
  static List<Script> scripts(Config c, StepContext ctx) throws java.io.IOException {
    List<Script> out = new ArrayList<>();
    if (c.has("inline") || c.has("command")) {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("ingot-shell", ".sh");
      java.nio.file.Files.writeString(f, inlineText(c));
      out.add(new Script(f, f.toString(), true));
      return out;
    }
    List<String> paths = c.has("script") ? List.of(c.string("script", "")) : c.strings("scripts");
    for (String p : paths) {
      java.nio.file.Path f = ctx.templatePath(p);
      if (!java.nio.file.Files.isRegularFile(f)) {
        throw c.error(
            c.has("script") ? "script" : "scripts",
            "Script not found: " + p,
            "The path is relative to the template's directory (" + ctx.templateDir() + ").");
      }
      out.add(new Script(f, p, false));
    }
    return out;
  }

  /** PACKER_BUILD_NAME, PACKER_BUILDER_TYPE, PACKER_RUN_UUID, then environment_vars and env. */
  static Map<String, String> environment(Config c, StepContext ctx) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PACKER_BUILD_NAME", ctx.sourceName());
    env.put("PACKER_BUILDER_TYPE", ctx.sourceType());
    String uuid = ctx.env().get("PACKER_RUN_UUID");
    if (uuid != null) {
      env.put("PACKER_RUN_UUID", uuid);
    }
    for (String kv : c.strings("environment_vars")) {
      int eq = kv.indexOf('=');
      env.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    env.putAll(c.stringMap("env"));
    return env;
  }

  /** {@code KEY='value' …} as Packer's {{.Vars}}, single quotes escaped for sh. */
  static String vars(Map<String, String> env) {
    List<String> parts = new ArrayList<>();
    env.forEach((k, v) -> parts.add(k + "='" + v.replace("'", "'\"'\"'") + "'"));
    return String.join(" ", parts);
  }

  /** Replaces {{.Name}} (spaces allowed inside the braces) by {@code value}. */
  static String fill(String template, String name, String value) {
    return template.replaceAll(
        "\\{\\{\\s*\\." + name + "\\s*}}", java.util.regex.Matcher.quoteReplacement(value));
  }

  static List<Integer> validExitCodes(Config c) {
    Object raw = c.raw("valid_exit_codes");
    if (raw == null) {
      return List.of(0);
    }
    return c.strings("valid_exit_codes").stream()
        .map(s -> new BigDecimal(s).intValueExact())
        .toList();
  }

  static void checkExit(int code, List<Integer> valid, String label) {
    if (!valid.contains(code)) {
      throw new ShellException(
          "Script exited with non-zero exit status: "
              + code
              + ". Allowed exit codes are: "
              + valid
              + " ("
              + label
              + ")",
          code);
    }
  }
}
