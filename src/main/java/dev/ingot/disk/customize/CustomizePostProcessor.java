package dev.ingot.disk.customize;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Diagnostics;
import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Post-processor {@code customize}: hostname, timezone, locale, users with SSH keys, sshd
 * hardening, services, kernel arguments, files and cloud-init datasources, applied to a root
 * filesystem before it becomes a disk. Holds no state; thread-safe.
 */
public final class CustomizePostProcessor implements PostProcessorPlugin {
  private static final Schema USER =
      Schema.of(
          Arg.required("name", ArgType.STRING, "Login name."),
          Arg.optional("uid", ArgType.NUMBER, null, "User id (default: next free from 1000)."),
          Arg.optional(
              "groups", ArgType.STRING_LIST, null, "Supplementary groups, e.g. [\"sudo\"]."),
          Arg.optional("shell", ArgType.STRING, "/bin/bash", "Login shell."),
          Arg.optional(
                  "password_hash", ArgType.STRING, null, "crypt(3) hash; none: key login only.")
              .asSensitive(),
          Arg.optional("ssh_authorized_keys", ArgType.STRING_LIST, null, "SSH public keys."));
  private static final Schema SSH =
      Schema.of(
          Arg.optional("permit_root_login", ArgType.STRING, null, "yes, no, prohibit-password."),
          Arg.optional("password_authentication", ArgType.BOOL, null, "Allow password logins."));
  private static final Schema SERVICES =
      Schema.of(
          Arg.optional("enable", ArgType.STRING_LIST, null, "Units to enable."),
          Arg.optional("disable", ArgType.STRING_LIST, null, "Units to disable."),
          Arg.optional("mask", ArgType.STRING_LIST, null, "Units to mask."));
  private static final Schema FILE =
      Schema.of(
          Arg.required("path", ArgType.STRING, "Absolute path in the image."),
          Arg.optional("content", ArgType.STRING, null, "The file's text."),
          Arg.optional(
              "source", ArgType.STRING, null, "A local file to copy (relative to the template)."),
          Arg.optional("mode", ArgType.STRING, "0644", "Octal mode."),
          Arg.optional("owner", ArgType.STRING, "root:root", "user:group, by name or number."));
  private static final Schema CLOUD_INIT =
      Schema.of(
          Arg.optional(
              "datasource_list",
              ArgType.STRING_LIST,
              null,
              "e.g. [\"NoCloud\", \"VMware\", \"OVF\", \"None\"]."));
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional("hostname", ArgType.STRING, null, "Host name."),
          Arg.optional("timezone", ArgType.STRING, null, "Time zone, e.g. \"Europe/Berlin\"."),
          Arg.optional("locale", ArgType.STRING, null, "LANG, e.g. \"C.UTF-8\"."),
          Arg.blocks("users", USER, "User accounts."),
          Arg.blocks("ssh", SSH, "sshd settings."),
          Arg.blocks("services", SERVICES, "systemd units."),
          Arg.optional("kernel_args", ArgType.STRING_LIST, null, "Kernel arguments for the disk."),
          Arg.blocks("files", FILE, "Files to add."),
          Arg.blocks("cloud_init", CLOUD_INIT, "cloud-init settings."));

  @Override
  public String type() {
    return "customize";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Customize a root filesystem for a VM image: users, SSH, services, files, cloud-init";
  }

  @Override
  public Set<Class<? extends Artifact>> accepts() {
    return Set.of(RootFs.class);
  }

  @Override
  public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
    return RootFs.class;
  }

  /**
   * Checks every setting for validate; a {@code files} block's {@code source} is read when the step
   * runs (a stand-in content here).
   */
  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(config, () -> customization(config, null));
  }

  /**
   * Reads the configuration; every bad value is a diagnostic at its argument, all reported at once
   * (one per run made a template with several mistakes take as many runs). A nested block's value
   * is reported in that block. {@code ctx} null: files' sources are not read.
   */
  static Customization customization(Config c, StepContext ctx) {
    List<Diagnostic> errors = new ArrayList<>();
    Checked checked = new Checked(errors);
    checked.run(
        c, "hostname", () -> Customization.checkHostname(c.string("hostname").orElse(null)));
    checked.run(
        c, "timezone", () -> Customization.checkTimezone(c.string("timezone").orElse(null)));
    checked.run(c, "locale", () -> Customization.checkLocale(c.string("locale").orElse(null)));
    List<Customization.User> users = new ArrayList<>();
    for (Config u : c.objects("users")) {
      checked.make(u, "users", () -> user(u)).ifPresent(users::add);
    }
    Customization.Ssh ssh =
        c.object("ssh")
            .flatMap(
                s ->
                    checked.make(
                        s,
                        "ssh",
                        () ->
                            new Customization.Ssh(
                                s.string("permit_root_login").orElse(null),
                                s.bool("password_authentication").orElse(null))))
            .orElse(null);
    Customization.Services services =
        c.object("services")
            .flatMap(
                s ->
                    checked.make(
                        s,
                        "services",
                        () ->
                            new Customization.Services(
                                s.strings("enable"), s.strings("disable"), s.strings("mask"))))
            .orElse(null);
    List<Customization.File> files = new ArrayList<>();
    for (Config f : c.objects("files")) {
      checked.make(f, "files", () -> file(f, ctx)).ifPresent(files::add);
    }
    if (!errors.isEmpty()) {
      throw new DiagnosticsException(new Diagnostics(errors));
    }
    List<String> ds =
        c.object("cloud_init").map(ci -> ci.strings("datasource_list")).orElse(List.of());
    return new Customization(
        c.string("hostname").orElse(null),
        c.string("timezone").orElse(null),
        c.string("locale").orElse(null),
        users,
        ssh,
        services,
        c.strings("kernel_args"),
        files,
        ds);
  }

  private static Customization.User user(Config u) {
    Integer uid;
    try {
      uid = u.number("uid").map(java.math.BigDecimal::intValueExact).orElse(null);
    } catch (ArithmeticException e) {
      throw new CustomizeException("uid", "uid must be a whole number that fits 32 bits");
    }
    return new Customization.User(
        u.string("name").orElse(null),
        uid,
        u.strings("groups"),
        u.string("shell", "/bin/bash"),
        u.string("password_hash").orElse(null),
        u.strings("ssh_authorized_keys"));
  }

  private static Customization.File file(Config f, StepContext ctx) {
    byte[] content;
    if (f.has("content") == f.has("source")) {
      throw new IllegalArgumentException(
          "give a file either content or source, not both or neither");
    }
    if (f.has("content")) {
      content = f.string("content").orElseThrow().getBytes(StandardCharsets.UTF_8);
    } else if (ctx == null) {
      content = new byte[0];
    } else {
      try {
        content = Files.readAllBytes(ctx.templatePath(f.string("source").orElseThrow()));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IllegalArgumentException(
            "source "
                + f.string("source").orElseThrow()
                + " does not exist (looked for "
                + e.getFile()
                + "; a relative source is relative to the template's directory)");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read source " + f.string("source").orElseThrow() + ": " + e.getMessage());
      }
    }
    int mode;
    try {
      mode = Integer.parseInt(f.string("mode", "0644"), 8);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("mode must be octal such as \"0644\"");
    }
    return new Customization.File(
        f.string("path").orElse(null), content, mode, f.string("owner", "root:root"));
  }

  private interface Make<T> {
    T make();
  }

  /**
   * Runs one part of the parse and keeps its failure as a diagnostic: at the setting a {@link
   * CustomizeException} names inside {@code at} (a nested block's own argument), else at {@code
   * at}'s block, summarized as a bad {@code what} setting.
   */
  private record Checked(List<Diagnostic> errors) {
    <T> java.util.Optional<T> make(Config at, String what, Make<T> m) {
      try {
        return java.util.Optional.ofNullable(m.make());
      } catch (CustomizeException e) {
        errors.add(Checks.error(at, e.setting(), "Bad " + what + " setting", e.getMessage()));
      } catch (IllegalArgumentException e) {
        errors.add(Checks.error(at, "", "Bad " + what + " setting", e.getMessage()));
      }
      return java.util.Optional.empty();
    }

    void run(Config at, String what, Runnable r) {
      make(
          at,
          what,
          () -> {
            r.run();
            return null;
          });
    }
  }

  @Override
  public Artifact process(Config config, Artifact input, StepContext ctx) throws Exception {
    RootFs r = (RootFs) input;
    Customization c = customization(config, ctx);
    try {
      // withTree keeps the rest, the base image of an oci source too (its layers and config).
      return r.withTree(new Customizer(r.blobs(), ctx.sourceDateEpoch()).apply(r.tree(), c));
    } catch (CustomizeException e) {
      throw config.error(e.setting(), "Cannot apply the customization", e.getMessage());
    } catch (IllegalArgumentException e) {
      // Not one setting's (none such today): the block.
      throw config.error("", "Cannot apply the customization", e.getMessage());
    }
  }
}
