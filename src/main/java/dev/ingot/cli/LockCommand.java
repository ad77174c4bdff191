package dev.ingot.cli;

import dev.ingot.pkg.deb.lock.Lock;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.pkg.deb.rootfs.DebSourceSpec;
import dev.ingot.pkg.deb.rootfs.RootFsBuilder;
import dev.ingot.pkg.deb.rootfs.SuitePlanner;
import dev.ingot.plugin.AtomicOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingot lock SPEC}: resolves the debian source and writes its lock file. */
@Command(
    name = "lock",
    description = "Resolve a debian source and write its lock file (default ingot.lock).")
public final class LockCommand implements Callable<Integer> {
  private final CliEnv env;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "Template with a source \"debian\" block, or its arguments as JSON.")
  Path spec;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Cache directory (default $XDG_CACHE_HOME/ingot).")
  Path cacheDir;

  public LockCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    DebSourceSpec s = DebSpecFile.load(env.cwd().resolve(spec), env);
    RootFsBuilder b = DebCli.builder(env, cacheDir, false);
    List<SuiteRef> suites = SuitePlanner.plan(s);
    Lock lock = b.lockService().lock(s.withLockfile(null), suites).lock();
    Path out = s.lockfile();
    try (AtomicOutput o = AtomicOutput.file(out)) {
      Files.writeString(o.path(), lock.toText(), StandardCharsets.UTF_8);
      o.commit(true);
    }
    env.out().println("locked " + lock.packages().size() + " packages in " + out);
    return 0;
  }
}
