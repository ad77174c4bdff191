package dev.ingot.cli;

import dev.ingot.artifact.RootFs;
import dev.ingot.fs.tar.TarWriter;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.pkg.deb.rootfs.DebSourceSpec;
import dev.ingot.pkg.deb.rootfs.RootFsBuilder;
import dev.ingot.pkg.deb.rootfs.SuitePlanner;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingot rootfs SPEC -o out.tar}: builds the debian source alone and writes the root
 * filesystem as a reproducible tar (as {@code mmdebstrap --format=tar} does), honouring the lock.
 */
@Command(
    name = "rootfs",
    description =
        "Build a debian root filesystem and write it as a tar (reproducible with SOURCE_DATE_EPOCH).")
public final class RootfsCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "Template with a source \"debian\" block, or its arguments as JSON.")
  Path spec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Tar file to write.")
  Path output;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Cache directory (default $XDG_CACHE_HOME/ingot).")
  Path cacheDir;

  @Option(names = "--offline", description = "Use the cache only: download nothing.")
  boolean offline;

  public RootfsCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    // Ctrl-C or SIGTERM stops downloads and maintainer scripts; the work tree and the partial tar
    // are removed as the build unwinds (the JVM would otherwise exit and leave both).
    return SignalHook.cancellable(
            env.err(),
            "stopping the root filesystem build and removing its partial output",
            output,
            this::build)
        .exitCode(code -> code);
  }

  private int build(Cancellation cancel) throws Exception {
    DebSourceSpec s = DebSpecFile.load(env.cwd().resolve(spec), env);
    RootFsBuilder b = DebCli.builder(env, cacheDir, offline, cancel);
    List<SuiteRef> suites = SuitePlanner.plan(s);
    RootFsBuilder.Fetched f = b.fetch(b.lock(s, suites), suites);
    cancel.check();
    RootFs fs;
    if (s.variant().runsScripts()) {
      Path workRoot = env.cacheDir(cacheDir).resolve("deb/work");
      Files.createDirectories(workRoot);
      Path work = Files.createTempDirectory(workRoot, "root");
      try {
        fs = b.system(s, f, work, new LocalProcessRunner());
      } finally {
        AtomicOutput.deleteTree(work);
      }
    } else {
      fs = b.distroless(s, f);
    }
    cancel.check();
    long sde = env.sourceDateEpoch(0);
    try (AtomicOutput out = AtomicOutput.stream(env.cwd().resolve(output))) {
      try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.path()), 1 << 20)) {
        new TarWriter(fs.blobs(), new TarWriter.Options(sde, true)).write(fs.tree(), o);
      }
      cancel.check();
      out.commit(true);
    }
    env.out().println(fs.describe() + " -> " + output);
    return 0;
  }
}
