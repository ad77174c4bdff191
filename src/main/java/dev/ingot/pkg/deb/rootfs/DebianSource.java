package dev.ingot.pkg.deb.rootfs;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.diag.Diagnostics;
import dev.ingot.fs.DirBlobStore;
import dev.ingot.pkg.deb.install.Account;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.plugin.StepContext;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code source "debian"}: a root filesystem straight from a Debian-format repository. Stateless;
 * safe for concurrent builds.
 */
public final class DebianSource implements SourcePlugin {
  static final Schema USER =
      Schema.of(
          Arg.required("name", ArgType.STRING, "user name"),
          Arg.required("uid", ArgType.NUMBER, "user id"),
          Arg.optional("gid", ArgType.NUMBER, null, "group id (default: the uid)"),
          Arg.optional("home", ArgType.STRING, null, "home directory (default /home/<name>)"),
          Arg.optional("shell", ArgType.STRING, null, "login shell (default /sbin/nologin)"));

  static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "suite",
              ArgType.STRING,
              null,
              "one suite, e.g. bookworm (default: the host's apt suites)"),
          Arg.optional(
              "suites",
              ArgType.STRING_LIST,
              null,
              "several suites, merged; the highest version wins"),
          Arg.optional(
              "components", ArgType.STRING_LIST, null, "components (default: the host's, or main)"),
          Arg.optional("architecture", ArgType.STRING, "amd64", "Debian architecture"),
          Arg.optional(
              "mirror", ArgType.STRING, null, "mirror base URI (default: the host's apt sources)"),
          Arg.optional(
              "keyring", ArgType.ANY, null, "keyring file(s) (default: the source's Signed-By)"),
          Arg.optional("variant", ArgType.STRING, "distroless", "distroless | minbase | system"),
          Arg.optional(
              "packages",
              ArgType.STRING_LIST,
              List.of(),
              "packages to install (name or name=version)"),
          Arg.optional("recommends", ArgType.BOOL, false, "also install Recommends"),
          Arg.optional(
              "users",
              ArgType.listOf(ArgType.object(USER)),
              List.of(),
              "accounts to create (distroless)"),
          Arg.optional(
              "lockfile", ArgType.STRING, null, "lock file to read (written by `ingot lock`)"),
          Arg.optional("merged_usr", ArgType.BOOL, true, "make /bin, /sbin, /lib links into /usr"),
          Arg.optional(
              "apt_config_dir",
              ArgType.STRING,
              "/etc/apt",
              "where the host's apt configuration is read"));

  @Override
  public String type() {
    return "debian";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Root filesystem from Debian packages (distroless, minbase or system), verified and locked";
  }

  /** The arguments' values (paths are resolved when the build runs). */
  @Override
  public Diagnostics check(Config config) {
    return Checks.parsing(config, () -> spec(config, Path.of("")));
  }

  @Override
  public Artifact build(Config config, StepContext ctx) throws Exception {
    DebSourceSpec spec = spec(config, ctx.templateDir());
    RootFsBuilder b = builder(ctx);
    List<SuiteRef> suites = SuitePlanner.plan(spec);
    RootFsBuilder.Fetched f = b.fetch(b.lock(spec, suites), suites);
    ctx.log().info("installing " + f.pins().size() + " packages (" + spec.variant().id() + ")");
    RootFs fs;
    if (spec.variant().runsScripts()) {
      java.nio.file.Files.createDirectories(ctx.cacheDir().resolve("deb/work"));
      Path work =
          java.nio.file.Files.createTempDirectory(ctx.cacheDir().resolve("deb/work"), "root");
      ctx.cleanups().add("remove " + work, () -> dev.ingot.plugin.AtomicOutput.deleteTree(work));
      fs = b.system(spec, f, work, ctx.processes());
    } else {
      fs = b.distroless(spec, f);
    }
    ctx.log().info(fs.describe());
    return fs;
  }

  /**
   * Always a root filesystem, so validate checks the chain after it (ova straight after it passed
   * and failed at run time with a ClassCastException).
   */
  @Override
  public Class<? extends Artifact> produces(Config config) {
    return RootFs.class;
  }

  @Override
  public boolean hasCommunicator() {
    return true;
  }

  /** A chroot on the root filesystem; network only when {@code provision_network} is true. */
  @Override
  public java.util.Optional<dev.ingot.plugin.ProvisionSession> provisioning(
      Config config, Artifact artifact, StepContext ctx) throws Exception {
    RootFs fs = (RootFs) artifact;
    return java.util.Optional.of(
        dev.ingot.provision.chroot.ChrootSession.forStep(
            fs,
            ctx.cacheDir().resolve("deb/work"),
            ctx,
            config.bool("provision_network", false),
            (tree, before) ->
                dev.ingot.pkg.deb.install.InstalledPackages.read(tree, fs.blobs(), before)));
  }

  static RootFsBuilder builder(StepContext ctx) {
    return new RootFsBuilder(
        new RootFsBuilder.Settings(
            ctx.cacheDir(),
            ctx.offline(),
            ctx.sourceDateEpoch(),
            Instant.now(),
            ctx.log(),
            ctx.cancellation()),
        new DirBlobStore(ctx.cacheDir().resolve("blobs")));
  }

  /** Reads the block's arguments into a spec; bad values are diagnostics at their place. */
  public static DebSourceSpec spec(Config c, Path templateDir) {
    List<String> suites = new ArrayList<>(c.strings("suites"));
    c.string("suite").ifPresent(s -> suites.add(0, s));
    Variant variant;
    try {
      variant = Variant.parse(c.string("variant", "distroless"));
    } catch (IllegalArgumentException e) {
      throw c.error("variant", "Unknown variant", e.getMessage());
    }
    URI mirror = null;
    if (c.has("mirror")) {
      try {
        mirror = URI.create(c.string("mirror").orElseThrow().replaceAll("/+$", ""));
        if (mirror.getScheme() == null) {
          throw new IllegalArgumentException("no scheme");
        }
      } catch (IllegalArgumentException e) {
        throw c.error(
            "mirror",
            "Invalid mirror",
            "Give a URI such as http://host/debian or file:///srv/repo");
      }
    }
    List<Path> keys = new ArrayList<>();
    Object k = c.raw("keyring");
    if (k instanceof List<?> l) {
      l.forEach(x -> keys.add(templateDir.resolve(String.valueOf(x))));
    } else if (k != null) {
      keys.add(templateDir.resolve(String.valueOf(k)));
    }
    List<Account> users = new ArrayList<>();
    for (Config u : c.objects("users")) {
      try {
        int uid = ((BigDecimal) u.raw("uid")).intValueExact();
        int gid = u.number("gid").map(BigDecimal::intValueExact).orElse(uid);
        users.add(
            new Account(
                u.string("name", ""), uid, gid, u.string("home", null), u.string("shell", null)));
      } catch (RuntimeException e) {
        throw c.error(
            "users",
            "Invalid user",
            e.getMessage() == null ? "each user needs name and uid" : e.getMessage());
      }
    }
    List<String> packages = c.strings("packages");
    if (packages.isEmpty() && variant == Variant.DISTROLESS) {
      throw c.error(
          "packages",
          "No packages",
          "A distroless root filesystem needs at least one package, e.g. base-files");
    }
    try {
      return new DebSourceSpec(
          suites,
          c.strings("components"),
          c.string("architecture", "amd64"),
          mirror,
          keys,
          variant,
          packages,
          c.bool("recommends", false),
          users,
          c.string("lockfile").map(templateDir::resolve).orElse(null),
          c.bool("merged_usr", true),
          Path.of(c.string("apt_config_dir", "/etc/apt")));
    } catch (IllegalArgumentException e) {
      throw c.error("architecture", "Invalid argument", e.getMessage());
    }
  }
}
