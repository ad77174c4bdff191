package dev.ingot.cli;

import dev.ingot.pkg.deb.lock.Lock;
import dev.ingot.pkg.deb.lock.Outdated;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.pkg.deb.rootfs.DebSourceSpec;
import dev.ingot.pkg.deb.rootfs.RootFsBuilder;
import dev.ingot.pkg.deb.rootfs.SuitePlanner;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot outdated SPEC}: lists locked packages that have newer versions; exit 1 if any. */
@Command(
    name = "outdated",
    description =
        "List locked packages with newer versions in the repositories (exit 1 when there are updates).")
public final class OutdatedCommand implements Callable<Integer>, Ingot.ExitOneIsAnAnswer {
  private final CliEnv env;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "Template with a source \"debian\" block, or its arguments as JSON.")
  java.nio.file.Path spec;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Cache directory (default $XDG_CACHE_HOME/ingot).")
  java.nio.file.Path cacheDir;

  public OutdatedCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    DebSourceSpec s = DebSpecFile.load(env.cwd().resolve(spec), env);
    if (s.lockfile() == null || !Files.isRegularFile(s.lockfile())) {
      throw new UsageException("no lock file " + s.lockfile() + "; run `ingot lock` first");
    }
    RootFsBuilder b = DebCli.builder(env, cacheDir, false);
    List<SuiteRef> suites = SuitePlanner.plan(s);
    Lock locked = b.lock(s, suites);
    Lock fresh = b.lockService().lock(s.withLockfile(null), suites).lock();
    List<Outdated.Update> ups = Outdated.updates(locked, fresh);
    for (Outdated.Update u : ups) {
      env.out()
          .println(
              u.name()
                  + " "
                  + u.locked()
                  + " -> "
                  + u.available()
                  + " ("
                  + u.suite()
                  + ")"
                  + (u.security() ? " [security]" : ""));
    }
    if (ups.isEmpty()) {
      env.out().println("up to date: " + locked.packages().size() + " packages");
    }
    return ups.isEmpty() ? 0 : 1;
  }
}
