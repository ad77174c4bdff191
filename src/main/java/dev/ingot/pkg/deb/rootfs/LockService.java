package dev.ingot.pkg.deb.rootfs;

import dev.ingot.fs.Digest;
import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.lock.Lock;
import dev.ingot.pkg.deb.lock.LockedPackage;
import dev.ingot.pkg.deb.repo.Repository;
import dev.ingot.pkg.deb.repo.SuiteRef;
import dev.ingot.pkg.deb.resolve.Resolution;
import dev.ingot.pkg.deb.resolve.Resolver;
import dev.ingot.pkg.deb.resolve.Universe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resolves a spec against the current repositories into a {@link Lock}. Resolution is a pure
 * function of the spec and the index files, so its result is cached under the digest of both
 * ({@code <cache>/deb/resolved/}): while the signed Releases name the same indexes, a warm build
 * neither parses an index nor resolves again. Thread-safe.
 */
public final class LockService {
  /** The verified suites and the lock resolved from them. */
  public record Resolved(List<Repository.Verified> suites, Lock lock) {}

  private final Repository repo;
  private final Path cacheDir;

  public LockService(Repository repo, Path cacheDir) {
    this.repo = repo;
    this.cacheDir = cacheDir;
  }

  public Resolved lock(DebSourceSpec spec, List<SuiteRef> suites) {
    List<Repository.Verified> verified =
        parallel(
            suites.stream().map(s -> (Task<Repository.Verified>) () -> repo.release(s)).toList());
    List<String> names = suites.stream().map(SuiteRef::suite).toList();
    String inputs = spec.inputsDigest(names);
    StringBuilder key = new StringBuilder(inputs);
    for (Repository.Verified v : verified) {
      for (String c : v.ref().components()) {
        key.append('\n')
            .append(v.ref().base())
            .append(' ')
            .append(v.ref().suite())
            .append(' ')
            .append(c)
            .append(' ')
            .append(Repository.indexDigest(v, c, spec.architecture()).orElse("-"));
      }
    }
    Path cached = cacheDir.resolve("deb/resolved").resolve(Digest.sha256(key.toString()).hex());
    if (Files.isRegularFile(cached)) {
      try {
        return new Resolved(verified, Lock.parse(Files.readString(cached), cached.toString()));
      } catch (IOException | IllegalArgumentException e) {
        // fall through and resolve again
      }
    }
    Lock lock = resolve(spec, verified, inputs);
    try {
      Files.createDirectories(cached.getParent());
      Path tmp = Files.createTempFile(cached.getParent(), "lock", ".tmp");
      Files.writeString(tmp, lock.toText(), StandardCharsets.UTF_8);
      Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the cache is an optimization; a failure to write it is not the build's failure
    }
    return new Resolved(verified, lock);
  }

  /** Every package of the suites, for resolution and for {@code outdated}. */
  public Universe universe(DebSourceSpec spec, List<Repository.Verified> verified) {
    List<Task<List<BinaryPackage>>> tasks = new ArrayList<>();
    for (Repository.Verified v : verified) {
      for (String c : v.ref().components()) {
        tasks.add(() -> repo.packages(v, c, spec.architecture()));
      }
    }
    List<BinaryPackage> all = new ArrayList<>();
    parallel(tasks).forEach(all::addAll);
    return new Universe(spec.architecture(), all);
  }

  private Lock resolve(DebSourceSpec spec, List<Repository.Verified> verified, String inputs) {
    Universe u = universe(spec, verified);
    Resolution r =
        new Resolver(u, new Resolver.Options(spec.recommends(), spec.variant().runsScripts()))
            .resolve(spec.packages());
    return new Lock(
        inputs,
        spec.architecture(),
        spec.variant().id(),
        r.packages().stream().map(LockedPackage::of).toList());
  }

  interface Task<T> {
    T run();
  }

  static <T> List<T> parallel(List<Task<T>> tasks) {
    List<T> out = new ArrayList<>();
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> fs = new ArrayList<>();
      for (Task<T> t : tasks) {
        fs.add(ex.submit(t::run));
      }
      for (Future<T> f : fs) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new dev.ingot.plugin.Cancellation.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    }
    return out;
  }
}
